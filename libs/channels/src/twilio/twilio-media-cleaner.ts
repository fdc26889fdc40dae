import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { createTwilioClient, type TwilioClient } from './twilio-client.factory.js';
import { toChannelError } from './twilio-errors.js';

/** A file Twilio keeps for us: an inbound message's media, or a call's recording (voicemail). */
export type TwilioMediaRef =
  | { kind: 'media'; accountSid: string; messageSid: string; mediaSid: string }
  | { kind: 'recording'; accountSid: string; recordingSid: string };

const MEDIA_PATH = /\/Accounts\/(AC[0-9a-f]{32})\/Messages\/((?:MM|SM)[0-9a-f]{32})\/Media\/(ME[0-9a-f]{32})$/i;
const RECORDING_PATH = /\/Accounts\/(AC[0-9a-f]{32})\/Recordings\/(RE[0-9a-f]{32})(?:\.(?:mp3|wav))?$/i;

/**
 * What an inbound media URL names: `…/Messages/MM…/Media/ME…` (MediaUrlN) or `…/Recordings/RE…[.mp3]`
 * (a voicemail's RecordingUrl); null for any other URL.
 */
export function twilioMediaRef(url: string): TwilioMediaRef | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = MEDIA_PATH.exec(path);
  if (m) return { kind: 'media', accountSid: m[1], messageSid: m[2], mediaSid: m[3] };
  const r = RECORDING_PATH.exec(path);
  return r ? { kind: 'recording', accountSid: r[1], recordingSid: r[2] } : null;
}

/**
 * Twilio keeps an inbound message's media and a call's recording until they are deleted (REFERENCE
 * §1.1), and people send us ID cards, documents and voicemails. Once the message and its files are
 * committed here, the copies at Twilio are deleted through the SDK (`messages(sid).media(sid).remove()`,
 * `recordings(sid).remove()`). Best effort: a failure is
 * logged with the media sid and never touches the ticket. Off in sandbox and with TWILIO_DELETE_MEDIA=false.
 */
@Injectable()
export class TwilioMediaCleaner {
  private readonly logger = new Logger(TwilioMediaCleaner.name);
  private readonly client: TwilioClient | null;

  constructor(private readonly config: AppConfig) {
    this.client = config.TWILIO_DELETE_MEDIA ? createTwilioClient(config) : null;
  }

  /** Deletes at Twilio the media of these URLs (those stored here); other URLs are left alone. Never throws. */
  async removeStored(urls: string[]): Promise<void> {
    const client = this.client;
    if (!client) return;
    const refs = urls.map(twilioMediaRef).filter((r): r is TwilioMediaRef => r?.accountSid === this.config.TWILIO_ACCOUNT_SID);
    await Promise.all(refs.map((ref) => this.remove(client, ref)));
  }

  private async remove(client: TwilioClient, ref: TwilioMediaRef): Promise<void> {
    const what = ref.kind === 'media' ? `media ${ref.mediaSid} of message ${ref.messageSid}` : `recording ${ref.recordingSid}`;
    try {
      if (ref.kind === 'media') await client.messages(ref.messageSid).media(ref.mediaSid).remove();
      else await client.recordings(ref.recordingSid).remove();
    } catch (error) {
      // Already gone: what we wanted.
      if ((error as { status?: unknown }).status === 404) return;
      this.logger.warn(`${what} is stored here but could not be deleted at Twilio (${toChannelError(error).message}); delete it in the Twilio Console`);
    }
  }
}
