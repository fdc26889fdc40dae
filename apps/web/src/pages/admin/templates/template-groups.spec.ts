import type { MessageTemplateView } from '../../../api/views';
import { groupTemplates, missingVariables, templateBody, templateChannel, templateVariables, validateTemplateForm } from './template-groups';

const row = (key: string, language: 'ar' | 'en', channel: MessageTemplateView['channel'] = '', body = ''): MessageTemplateView => ({
  id: `${key}-${language}-${channel}`,
  key,
  language,
  channel,
  subject: null,
  body,
  whatsappContentSid: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('message templates', () => {
  it('pairs Arabic and English texts per key and channel, any-channel first', () => {
    const groups = groupTemplates([
      row('survey', 'en'),
      row('acknowledgement', 'ar', 'sms'),
      row('acknowledgement', 'ar'),
      row('acknowledgement', 'en'),
    ]);
    expect(groups.map((g) => [g.key, g.channel, g.ar?.id ?? null, g.en?.id ?? null])).toEqual([
      ['acknowledgement', '', 'acknowledgement-ar-', 'acknowledgement-en-'],
      ['acknowledgement', 'sms', 'acknowledgement-ar-sms', null],
      ['survey', '', null, 'survey-en-'],
    ]);
  });

  it('finds the variables a text uses and those it dropped compared with the other language', () => {
    expect(templateVariables('رقم طلبك {{ticketNumber}} يا {{ name }}، {{ticketNumber}}')).toEqual(['ticketNumber', 'name']);
    expect(missingVariables('شكرًا لتواصلك', 'Your request {{ticketNumber}}')).toEqual(['ticketNumber']);
    expect(missingVariables('طلبك {{ticketNumber}}', null)).toEqual([]);
  });

  it('checks the key, the text and the WhatsApp content id, and leaves empty optional fields out', () => {
    const values = {
      key: 'acknowledgement',
      language: 'ar' as const,
      channel: '' as const,
      subject: ' ',
      body: 'استلمنا طلبك {{ticketNumber}}',
      whatsappContentSid: '',
    };
    expect(validateTemplateForm(values)).toEqual({});
    expect(templateBody(values)).toEqual({ key: 'acknowledgement', language: 'ar', channel: '', body: 'استلمنا طلبك {{ticketNumber}}' });
    expect(validateTemplateForm({ ...values, key: 'Ack!', body: '  ', whatsappContentSid: 'HX123' })).toEqual({
      key: 'templateKey',
      body: 'body',
      whatsappContentSid: 'contentSid',
    });
  });
});

describe('templateChannel', () => {
  it('keeps a known channel and reads anything else as "any channel"', () => {
    expect(templateChannel('whatsapp')).toBe('whatsapp');
    expect(templateChannel('')).toBe('');
    expect(templateChannel('fax')).toBe('');
  });
});
