import twilio from 'twilio';

/**
 * Arabic text-to-speech on <Say>. twilio-node 6.2 types allow only `arb`, `ar-AE` and `ar-XA` as Arabic
 * Say languages (there is no ar-SA), and a voice must belong to its language or <Say> fails:
 * Polly.Zeina is `arb` (standard Arabic), Polly.Hala-Neural / Polly.Zayd-Neural are `ar-AE` (Gulf),
 * Google.ar-XA-* are `ar-XA`. Gulf Arabic is the closest to a Saudi caller.
 */
const ARABIC_SAY = { language: 'ar-AE', voice: 'Polly.Hala-Neural' } as const;

export const VOICE_GREETING =
  'مرحباً بك في خدمة المستفيدين بالجمعية. لا يتوفر موظف للرد الآن. يرجى ترك رسالتك بعد سماع الصافرة، ثم الضغط على مفتاح المربع.';
export const VOICE_GOODBYE = 'شكراً لك، وصلتنا رسالتك وسنعاود التواصل معك قريباً. مع السلامة.';
export const VOICE_NO_MESSAGE = 'لم نتلقَّ رسالة صوتية. يمكنك مراسلتنا عبر الرسائل النصية أو واتساب. مع السلامة.';
export const VOICE_WITHHELD_NUMBER =
  'مرحباً بك في خدمة المستفيدين بالجمعية. رقمك محجوب فلا نستطيع معاودة الاتصال بك؛ يرجى الاتصال من رقم ظاهر أو مراسلتنا عبر واتساب. مع السلامة.';

// Built once: every inbound message webhook answers it.
const EMPTY_MESSAGING_TWIML = new twilio.twiml.MessagingResponse().toString();

/** The no-reply answer to an inbound message: `<Response/>`. */
export function emptyMessagingTwiml(): string {
  return EMPTY_MESSAGING_TWIML;
}

export interface VoicemailUrls {
  /** Where Twilio posts when the caller finishes recording; answers the goodbye. */
  action: string;
  /** Where Twilio posts once the recording file is ready. */
  recordingStatusCallback: string;
}

/**
 * Incoming call: Arabic greeting, then a voicemail of up to two minutes ending on #. With an action
 * URL the verbs after <Record> run only when the recording is empty, so they say there was no message.
 */
export function voicemailTwiml(urls: VoicemailUrls): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(ARABIC_SAY, VOICE_GREETING);
  response.record({
    maxLength: 120,
    playBeep: true,
    finishOnKey: '#',
    action: urls.action,
    method: 'POST',
    recordingStatusCallback: urls.recordingStatusCallback,
    recordingStatusCallbackMethod: 'POST',
    recordingStatusCallbackEvent: ['completed'],
  });
  response.say(ARABIC_SAY, VOICE_NO_MESSAGE);
  response.hangup();
  return response.toString();
}

/** After the recording: thank the caller and hang up (never fall back to re-requesting the greeting). */
export function goodbyeTwiml(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(ARABIC_SAY, VOICE_GOODBYE);
  response.hangup();
  return response.toString();
}

/** A caller whose number is withheld cannot be called back or put on a ticket. */
export function withheldNumberTwiml(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(ARABIC_SAY, VOICE_WITHHELD_NUMBER);
  response.hangup();
  return response.toString();
}
