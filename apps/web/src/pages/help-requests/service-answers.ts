import { toLatinDigits } from '../../format/digits';
import type { FieldSpec } from './help-request-api';

/** The service's questions as typed in the form: every answer a string ('' = no answer). */
export type AnswerTexts = Record<string, string>;

export function answerTexts(fields: readonly FieldSpec[], answers: Record<string, unknown>): AnswerTexts {
  return Object.fromEntries(
    fields.map((f) => {
      const v = answers[f.name];
      return [f.name, v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v)];
    }),
  );
}

/**
 * The answers the api takes, typed as the catalogue says (numbers as numbers, yes/no as booleans). A cleared answer
 * is sent as null, which removes it; a number that does not parse is sent as typed so the api's 400 names the field.
 */
export function answerValues(fields: readonly FieldSpec[], texts: AnswerTexts): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => {
      const text = toLatinDigits(texts[f.name] ?? '').trim();
      if (!text) return [f.name, null];
      if (f.type === 'boolean') return [f.name, text === 'true'];
      if (f.type === 'number' || f.type === 'integer' || f.type === 'money') {
        const n = Number(text.replace(/[,٬]/g, '').replace('٫', '.'));
        return [f.name, Number.isFinite(n) ? n : text];
      }
      return [f.name, text];
    }),
  );
}

/** For a new request: only what was answered (the api has nothing to remove yet). */
export function givenAnswers(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}
