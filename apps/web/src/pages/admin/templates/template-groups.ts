import { type Channel, CHANNELS, type MessageTemplateView } from '../../../api/views';

/** One automatic message (a key on a channel, or on any channel) with its Arabic and English texts. */
export interface TemplateGroup {
  key: string;
  /** Empty: any channel. */
  channel: string;
  ar: MessageTemplateView | null;
  en: MessageTemplateView | null;
}

/** Rows of GET /api/v1/templates paired by key and channel; the any-channel row before channel-specific ones. */
export function groupTemplates(rows: readonly MessageTemplateView[]): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const row of rows) {
    const id = `${row.key}\u0000${row.channel}`;
    const group = groups.get(id) ?? { key: row.key, channel: row.channel, ar: null, en: null };
    group[row.language] = row;
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key) || a.channel.localeCompare(b.channel));
}

/** The {{variables}} a text uses, in order of first use. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))];
}

/** Variables the other language's text uses that this one leaves out (e.g. the ticket number). */
export function missingVariables(text: string, other: string | null | undefined): string[] {
  if (!other) return [];
  const used = new Set(templateVariables(text));
  return templateVariables(other).filter((v) => !used.has(v));
}

/** A template's channel: one channel, or empty for any channel. */
export type TemplateChannel = Channel | '';

export function templateChannel(value: string): TemplateChannel {
  return CHANNELS.find((c) => c === value) ?? '';
}

export interface TemplateFormValues {
  key: string;
  language: 'ar' | 'en';
  channel: TemplateChannel;
  subject: string;
  body: string;
  whatsappContentSid: string;
}

export type TemplateFormErrors = Partial<
  Record<'key' | 'body' | 'subject' | 'whatsappContentSid', 'templateKey' | 'body' | 'subject' | 'contentSid'>
>;

export function validateTemplateForm(values: TemplateFormValues): TemplateFormErrors {
  const errors: TemplateFormErrors = {};
  if (!/^[a-z][a-z0-9_.]{1,60}$/.test(values.key)) errors.key = 'templateKey';
  if (!values.body.trim() || values.body.length > 4000) errors.body = 'body';
  if (values.subject.length > 300) errors.subject = 'subject';
  if (values.whatsappContentSid.trim() && !/^HX[0-9a-f]{32}$/i.test(values.whatsappContentSid.trim())) errors.whatsappContentSid = 'contentSid';
  return errors;
}

/** The body of PUT /api/v1/templates (create or replace the row for key + language + channel). */
export function templateBody(values: TemplateFormValues) {
  const subject = values.subject.trim();
  const sid = values.whatsappContentSid.trim();
  return {
    key: values.key,
    language: values.language,
    channel: values.channel,
    body: values.body,
    ...(subject ? { subject } : {}),
    ...(sid ? { whatsappContentSid: sid } : {}),
  };
}
