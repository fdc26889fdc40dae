import { emptyMessagingTwiml, goodbyeTwiml, voicemailTwiml, withheldNumberTwiml } from './twilio-twiml.js';

describe('TwiML', () => {
  it('answers an inbound message with an empty <Response/>', () => {
    expect(emptyMessagingTwiml()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('greets a caller in Arabic with a matching voice, then records a voicemail of up to two minutes', () => {
    const xml = voicemailTwiml({
      action: 'https://h.example.org/webhooks/twilio/voice/recorded',
      recordingStatusCallback: 'https://h.example.org/webhooks/twilio/voice/recording?a=1&b=2',
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Say language="ar-AE" voice="Polly.Hala-Neural">مرحباً بك[^<]*<\/Say>/);
    expect(xml).toContain(
      '<Record maxLength="120" playBeep="true" finishOnKey="#" action="https://h.example.org/webhooks/twilio/voice/recorded" method="POST" ' +
        'recordingStatusCallback="https://h.example.org/webhooks/twilio/voice/recording?a=1&amp;b=2" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed"/>',
    );
    // Reached only when the recording is empty (with an action URL, Twilio continues there otherwise).
    expect(xml).toMatch(
      /<\/Say><Record [^>]*\/><Say language="ar-AE" voice="Polly.Hala-Neural">لم نتلقَّ رسالة صوتية[^<]*<\/Say><Hangup\/><\/Response>$/,
    );
    expect(xml).not.toContain('ar-SA');
  });

  it('says goodbye after the recording, and explains a withheld number', () => {
    expect(goodbyeTwiml()).toMatch(
      /^<\?xml[^>]*><Response><Say language="ar-AE" voice="Polly.Hala-Neural">شكراً لك[^<]*<\/Say><Hangup\/><\/Response>$/,
    );
    expect(withheldNumberTwiml()).toMatch(/رقمك محجوب.*<Hangup\/><\/Response>$/);
  });
});
