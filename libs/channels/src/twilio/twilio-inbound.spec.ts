import { isTwilioMediaUrl, normalizeTwilioCall, normalizeTwilioMessage, normalizeTwilioRecording } from './twilio-inbound.js';
import { TwilioRequestError } from './twilio-params.js';

const AC = `AC${'a'.repeat(32)}`;
const SM = `SM${'1'.repeat(32)}`;
const MM = `MM${'2'.repeat(32)}`;
const CA = `CA${'3'.repeat(32)}`;
const RE = `RE${'4'.repeat(32)}`;
const receivedAt = new Date('2026-11-25T09:00:00Z');
const media = (sid: string, n: number) => `https://api.twilio.com/2010-04-01/Accounts/${AC}/Messages/${sid}/Media/ME${String(n).repeat(32)}`;

function fieldOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof TwilioRequestError ? error.field : `not a TwilioRequestError: ${String(error)}`;
  }
}

describe('normalizeTwilioMessage', () => {
  it('turns an SMS into an inbound contact on the sms channel', () => {
    const contact = normalizeTwilioMessage(
      {
        MessageSid: SM,
        SmsSid: SM,
        AccountSid: AC,
        From: '+966501234567',
        To: '+966511111111',
        Body: ' السلام عليكم ',
        NumMedia: '0',
        NumSegments: '1',
        FromCountry: 'SA',
      },
      { receivedAt },
    );
    expect(contact).toEqual({
      channel: 'sms',
      externalId: SM,
      from: { kind: 'phone', address: '+966501234567' },
      to: '+966511111111',
      text: 'السلام عليكم',
      attachments: [],
      threadHints: {},
      receivedAt: '2026-11-25T09:00:00.000Z',
      meta: { provider: 'twilio', to: '+966511111111', numSegments: '1', fromCountry: 'SA' },
    });
  });

  it('turns a WhatsApp message with media into the whatsapp channel, profile name as the contact name', () => {
    const contact = normalizeTwilioMessage(
      {
        MessageSid: MM,
        From: 'whatsapp:+966501234567',
        To: 'whatsapp:+966511111111',
        Body: 'صورة الهوية',
        WaId: '966501234567',
        ProfileName: 'أحمد',
        MessageType: 'image',
        NumMedia: '2',
        MediaUrl0: media(MM, 5),
        MediaContentType0: 'image/jpeg',
        MediaUrl1: media(MM, 6),
        MediaContentType1: 'application/pdf',
      },
      { receivedAt },
    );
    expect(contact.channel).toBe('whatsapp');
    expect(contact.from).toEqual({ kind: 'phone', address: '+966501234567', name: 'أحمد' });
    expect(contact.attachments).toEqual([
      { url: media(MM, 5), contentType: 'image/jpeg', filename: `${MM}-1.jpg` },
      { url: media(MM, 6), contentType: 'application/pdf', filename: `${MM}-2.pdf` },
    ]);
    expect(contact.meta).toMatchObject({ waId: '966501234567', profileName: 'أحمد', messageType: 'image' });
  });

  it('takes the number from WaId when From is not usable', () => {
    const contact = normalizeTwilioMessage({ MessageSid: SM, From: 'whatsapp:', WaId: '966501234567', Body: 'x' });
    expect(contact.from.address).toBe('+966501234567');
  });

  it('keeps button payloads and locations in meta, and describes a bare location', () => {
    const button = normalizeTwilioMessage({
      MessageSid: SM,
      From: 'whatsapp:+966501234567',
      Body: 'نعم',
      ButtonText: 'نعم',
      ButtonPayload: 'confirm-visit',
      MessageType: 'button',
    });
    expect(button.meta).toMatchObject({ buttonText: 'نعم', buttonPayload: 'confirm-visit', messageType: 'button' });
    const place = normalizeTwilioMessage({
      MessageSid: SM,
      From: 'whatsapp:+966501234567',
      Latitude: '24.7136',
      Longitude: '46.6753',
      Label: 'مقر الجمعية',
      MessageType: 'location',
    });
    expect(place.meta).toMatchObject({ location: { latitude: '24.7136', longitude: '46.6753', label: 'مقر الجمعية' } });
    expect(place.text).toBe('📍 مقر الجمعية (24.7136, 46.6753)');
  });

  it('reads only NumMedia files, at most ten, and drops media that is not on Twilio', () => {
    const params: Record<string, string> = { MessageSid: SM, From: '+966501234567', NumMedia: '12' };
    for (let i = 0; i < 12; i++) {
      params[`MediaUrl${i}`] = media(SM, i % 10);
      params[`MediaContentType${i}`] = 'image/png';
    }
    params.MediaUrl3 = 'http://169.254.169.254/latest/meta-data/';
    const contact = normalizeTwilioMessage(params);
    expect(contact.attachments).toHaveLength(9);
    expect(contact.meta?.droppedMedia).toEqual(['http://169.254.169.254/latest/meta-data/']);
    expect(normalizeTwilioMessage({ ...params, NumMedia: '1' }).attachments).toHaveLength(1);
  });

  it('fetches media from the configured API host (tests, staging)', () => {
    const contact = normalizeTwilioMessage(
      { MessageSid: SM, From: '+966501234567', NumMedia: '1', MediaUrl0: 'http://127.0.0.1:4010/media/a.jpg', MediaContentType0: 'image/jpeg' },
      { mediaHosts: ['127.0.0.1:4010'] },
    );
    expect(contact.attachments).toHaveLength(1);
  });

  it('marks STOP as automated (never a ticket), but not an ordinary "yes"', () => {
    expect(normalizeTwilioMessage({ MessageSid: SM, From: '+966501234567', Body: 'stop' }).automated).toEqual({ reason: 'opt-out keyword STOP' });
    expect(normalizeTwilioMessage({ MessageSid: SM, From: '+966501234567', Body: 'YES' }).automated).toBeUndefined();
    expect(normalizeTwilioMessage({ MessageSid: SM, From: '+966501234567', Body: 'نعم', OptOutType: 'START' }).automated).toEqual({
      reason: 'opt-out keyword START',
    });
    expect(normalizeTwilioMessage({ MessageSid: SM, From: '+966501234567', Body: 'help', OptOutType: 'HELP' }).automated).toBeUndefined();
  });

  it('uses the first value of a repeated field', () => {
    expect(normalizeTwilioMessage({ MessageSid: [SM, SM], From: ['+966501234567'], Body: ['a', 'b'] }).text).toBe('a');
  });

  it.each([
    [{ From: '+966501234567' }, 'MessageSid'],
    [{ MessageSid: 'SMx', From: '+966501234567' }, 'MessageSid'],
    [{ MessageSid: SM }, 'From'],
    [{ MessageSid: SM, From: '   ' }, 'From'],
    [{ MessageSid: SM, From: 'TWILIO' }, 'From'],
  ])('refuses %j naming %s', (params, field) => {
    expect(fieldOf(() => normalizeTwilioMessage(params))).toBe(field);
  });
});

describe('isTwilioMediaUrl', () => {
  it.each([
    ['https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM/Media/ME', true],
    ['https://media.twiliocdn.com/x', false],
    ['http://api.twilio.com/x', false],
    ['https://api.twilio.com.evil.example/x', false],
    ['https://eviltwilio.com/x', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(isTwilioMediaUrl(url)).toBe(ok);
  });
});

describe('normalizeTwilioCall', () => {
  it('logs an incoming call on the phone channel', () => {
    const call = normalizeTwilioCall(
      { CallSid: CA, AccountSid: AC, From: '+966501234567', To: '+966511111111', CallStatus: 'ringing', Direction: 'inbound' },
      { receivedAt },
    );
    expect(call).toEqual({
      channel: 'phone',
      externalId: CA,
      from: { kind: 'phone', address: '+966501234567' },
      to: '+966511111111',
      text: 'مكالمة واردة',
      attachments: [],
      threadHints: {},
      receivedAt: '2026-11-25T09:00:00.000Z',
      meta: { provider: 'twilio', kind: 'call', callSid: CA, to: '+966511111111', callStatus: 'ringing', direction: 'inbound' },
    });
  });

  it('refuses a missing CallSid first, then a withheld number', () => {
    expect(fieldOf(() => normalizeTwilioCall({ From: '+966501234567' }))).toBe('CallSid');
    expect(fieldOf(() => normalizeTwilioCall({ CallSid: CA, From: 'anonymous' }))).toBe('From');
    expect(fieldOf(() => normalizeTwilioCall({ CallSid: CA, From: '+266696687' }))).toBe('From');
  });
});

describe('normalizeTwilioRecording', () => {
  const url = `https://api.twilio.com/2010-04-01/Accounts/${AC}/Recordings/${RE}`;
  const params = {
    AccountSid: AC,
    CallSid: CA,
    RecordingSid: RE,
    RecordingUrl: url,
    RecordingStatus: 'completed',
    RecordingDuration: '37',
    RecordingChannels: '1',
  };

  it('makes the voicemail a message from the caller with the MP3 to fetch', () => {
    const voicemail = normalizeTwilioRecording(params, { address: '+966501234567', name: 'أحمد' }, { receivedAt });
    expect(voicemail).toEqual({
      channel: 'phone',
      externalId: RE,
      from: { kind: 'phone', address: '+966501234567', name: 'أحمد' },
      text: 'رسالة صوتية (37 ثانية)',
      attachments: [{ url: `${url}.mp3`, contentType: 'audio/mpeg', filename: `voicemail-${RE}.mp3` }],
      threadHints: {},
      receivedAt: '2026-11-25T09:00:00.000Z',
      meta: { provider: 'twilio', kind: 'voicemail', callSid: CA, recordingSid: RE, recordingUrl: url, recordingDuration: 37 },
    });
  });

  it('falls back to the From field when the call was not logged, and needs one of them', () => {
    expect(normalizeTwilioRecording({ ...params, From: '+966501234567' }, null)?.from.address).toBe('+966501234567');
    expect(fieldOf(() => normalizeTwilioRecording(params, null))).toBe('From');
  });

  it('ignores callbacks without a finished recording', () => {
    expect(normalizeTwilioRecording({ ...params, RecordingStatus: 'absent' }, { address: '+966501234567' })).toBeNull();
    expect(normalizeTwilioRecording({ ...params, RecordingStatus: 'in-progress' }, { address: '+966501234567' })).toBeNull();
  });

  it.each([
    [{ ...params, RecordingSid: undefined }, 'RecordingSid'],
    [{ ...params, CallSid: 'CA1' }, 'CallSid'],
    [{ ...params, RecordingUrl: undefined }, 'RecordingUrl'],
    [{ ...params, RecordingUrl: 'https://example.org/x' }, 'RecordingUrl'],
  ])('refuses %j naming %s', (p, field) => {
    expect(fieldOf(() => normalizeTwilioRecording(p, { address: '+966501234567' }))).toBe(field);
  });
});
