/**
 * Twilio posts form fields (REFERENCE §1.1); the urlencoded body parser gives a string per field,
 * or an array when a field is repeated. These helpers read them without trusting their shape.
 */
export type TwilioParams = Record<string, unknown>;

/** A required field is missing or unusable: the webhook answers 400 naming it. */
export class TwilioRequestError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'TwilioRequestError';
  }
}

/** The field's value (the first one when repeated), trimmed; undefined when absent or empty. */
export function param(params: TwilioParams, name: string): string | undefined {
  const raw = params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function requiredParam(params: TwilioParams, name: string): string {
  const value = param(params, name);
  if (value === undefined) throw new TwilioRequestError(name, `${name} is required`);
  return value;
}

/** Twilio resource ids: two letters and 32 hex digits (SM…, MM…, CA…, RE…). */
export function requiredSid(params: TwilioParams, name: string, prefixes: string[]): string {
  const value = requiredParam(params, name);
  if (!new RegExp(`^(${prefixes.join('|')})[0-9a-fA-F]{32}$`).test(value)) {
    throw new TwilioRequestError(name, `${name} must be a Twilio id starting with ${prefixes.join(' or ')}`);
  }
  return value;
}

/** The non-empty fields among `names`, for the message's meta. */
export function pickParams(params: TwilioParams, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(names)) {
    const value = param(params, field);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
