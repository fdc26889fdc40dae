import type { OutboundMessage } from '../core/channel-adapter.js';
import { rewriteTwilioUrl } from './twilio-client.factory.js';
import { statusAfterCreate, twilioMessageParams } from './twilio-messaging.sender.js';

const base: OutboundMessage = {
  messageId: 'm1',
  ticketId: 't1',
  ticketNumber: '1448-000001',
  to: '+966501234567',
  text: 'تم استلام طلبك',
  attachments: [],
  statusCallbackUrl: 'https://helpdesk.example.org/webhooks/twilio/status',
};

describe('Twilio outbound message', () => {
  it('sends free text with To, From, Body and StatusCallback', () => {
    expect(twilioMessageParams(base, 'whatsapp:+966501234567', 'whatsapp:+966511111111')).toEqual({
      to: 'whatsapp:+966501234567',
      from: 'whatsapp:+966511111111',
      body: 'تم استلام طلبك',
      statusCallback: 'https://helpdesk.example.org/webhooks/twilio/status',
    });
  });

  it('sends an approved template as ContentSid and a JSON string of ContentVariables, without Body', () => {
    const params = twilioMessageParams(
      { ...base, template: { contentSid: `HX${'b'.repeat(32)}`, variables: { '1': 'أحمد' } } },
      'whatsapp:+966501234567',
      'whatsapp:+966511111111',
    );
    expect(params).toEqual({
      to: 'whatsapp:+966501234567',
      from: 'whatsapp:+966511111111',
      contentSid: `HX${'b'.repeat(32)}`,
      contentVariables: '{"1":"أحمد"}',
      statusCallback: 'https://helpdesk.example.org/webhooks/twilio/status',
    });
  });

  it('records Twilio’s initial status as handed over (sending), later ones as they are', () => {
    expect(statusAfterCreate('queued')).toBe('sending');
    expect(statusAfterCreate('accepted')).toBe('sending');
    expect(statusAfterCreate('scheduled')).toBe('sending');
    expect(statusAfterCreate('sent')).toBe('sent');
    expect(statusAfterCreate('failed')).toBe('failed');
    expect(statusAfterCreate('something-new')).toBe('sending');
  });

  it('points the SDK at another base URL keeping path and query', () => {
    expect(rewriteTwilioUrl('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=2', 'http://127.0.0.1:4010')).toBe(
      'http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json?PageSize=2',
    );
    expect(rewriteTwilioUrl('https://api.twilio.com:443/x', 'http://h')).toBe('http://h/x');
    expect(rewriteTwilioUrl('https://api.twilio.com.evil.example/x', 'http://h')).toBe('https://api.twilio.com.evil.example/x');
  });
});
