import type { KeyValueStorage } from '../i18n/language';

/**
 * Canned replies ("macros"): short texts an officer inserts into the reply box, kept in this
 * browser per staff member. Placeholders: {{name}} (the contact), {{ticketNumber}}, {{agent}} (me).
 */
export interface Macro {
  id: string;
  title: string;
  body: string;
}

const KEY_PREFIX = 'hd.macros:';
const MAX_MACROS = 100;

export const DEFAULT_MACROS: readonly Macro[] = [
  {
    id: 'default-greeting',
    title: 'ترحيب',
    body: 'السلام عليكم ورحمة الله وبركاته {{name}}،\nشكرًا لتواصلك مع الجمعية بخصوص الطلب رقم {{ticketNumber}}.',
  },
  {
    id: 'default-more-info',
    title: 'طلب معلومات إضافية',
    body: 'نأمل تزويدنا بصورة الهوية الوطنية وما يثبت الحالة، لنستكمل دراسة طلبك رقم {{ticketNumber}}.',
  },
  {
    id: 'default-closing',
    title: 'ختام',
    body: 'نسعد بخدمتك دائمًا. مع تحيات {{agent}} — علاقات المستفيدين.',
  },
];

function isMacro(value: unknown): value is Macro {
  const m = value as Macro | null;
  return typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.title === 'string' && typeof m.body === 'string';
}

export function readMacros(storage: KeyValueStorage | undefined, userId: string): Macro[] {
  try {
    const raw = storage?.getItem(`${KEY_PREFIX}${userId}`);
    if (!raw) return [...DEFAULT_MACROS];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isMacro).slice(0, MAX_MACROS) : [...DEFAULT_MACROS];
  } catch {
    return [...DEFAULT_MACROS];
  }
}

export function writeMacros(storage: KeyValueStorage | undefined, userId: string, macros: readonly Macro[]): void {
  try {
    storage?.setItem(`${KEY_PREFIX}${userId}`, JSON.stringify(macros.slice(0, MAX_MACROS)));
  } catch {
    // not kept; the list still works for this page
  }
}

export function expandMacro(body: string, values: { name?: string; ticketNumber?: string; agent?: string }): string {
  return body.replace(/\{\{\s*(name|ticketNumber|agent)\s*\}\}/g, (_, key: 'name' | 'ticketNumber' | 'agent') => values[key] ?? '');
}

/** Puts `insert` at the caret, on its own line when the box already has text before it. */
export function insertAtCaret(text: string, caret: number, insert: string): { text: string; caret: number } {
  const before = text.slice(0, caret);
  const joiner = before && !before.endsWith('\n') ? '\n' : '';
  const next = `${before}${joiner}${insert}${text.slice(caret)}`;
  return { text: next, caret: before.length + joiner.length + insert.length };
}
