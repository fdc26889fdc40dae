import { twilioMediaRef } from './twilio-media-cleaner.js';

const AC = `AC${'0123456789abcdef'.repeat(2)}`;
const MM = `MM${'a'.repeat(32)}`;
const ME = `ME${'b'.repeat(32)}`;

describe('twilioMediaRef (which Twilio file an inbound MediaUrl or RecordingUrl names)', () => {
  it.each([
    `https://api.twilio.com/2010-04-01/Accounts/${AC}/Messages/${MM}/Media/${ME}`,
    `http://127.0.0.1:4010/2010-04-01/Accounts/${AC}/Messages/${MM}/Media/${ME}`,
  ])('reads the sids of %s', (url) => {
    expect(twilioMediaRef(url)).toEqual({ kind: 'media', accountSid: AC, messageSid: MM, mediaSid: ME });
  });

  it.each([
    `https://api.twilio.com/2010-04-01/Accounts/${AC}/Recordings/RE${'c'.repeat(32)}.mp3`,
    `https://api.twilio.com/2010-04-01/Accounts/${AC}/Recordings/RE${'c'.repeat(32)}`,
  ])('reads the recording sid of a voicemail at %s', (url) => {
    expect(twilioMediaRef(url)).toEqual({ kind: 'recording', accountSid: AC, recordingSid: `RE${'c'.repeat(32)}` });
  });

  it.each([
    ['a recording list', `https://api.twilio.com/2010-04-01/Accounts/${AC}/Recordings.json`],
    ['a media list', `https://api.twilio.com/2010-04-01/Accounts/${AC}/Messages/${MM}/Media.json`],
    ['another address', 'https://example.com/picture.jpg'],
    ['not a URL', 'x'],
  ])('names nothing for %s', (_label, url) => {
    expect(twilioMediaRef(url)).toBeNull();
  });
});
