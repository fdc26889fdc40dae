import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { createTwilioClient, type TwilioClient } from './twilio-client.factory.js';
import { toChannelError } from './twilio-errors.js';

export interface TwilioMediaRef {
  accountSid: string;
  messageSid: string;
  mediaSid: string;
}

const MEDIA_PATH = /\/Accounts\/(AC[0-9a-f]{32})\/Messages\/((?:MM|SM)[0-9a-f]{32})\/Media\/(ME[0-9a-f]{32})$/i;

/** The message and media sids in an inbound MediaUrlN (`…/Accounts/AC…/Messages/MM…/Media/ME…`); null for any other URL. */
export function twilioMediaRef(url: string): TwilioMediaRef | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = MEDIA_PATH.exec(path);
  return m ? { accountSid: m[1], messageSid: m[2], mediaSid: m[3] } : null;
}

/**
 * Twilio keeps an inbound message's media until it is deleted (REFERENCE §1.1), and people send us
 * ID cards and documents. Once the message and its files are committed here, the copies at Twilio
 * are deleted through the SDK (`messages(sid).media(sid).remove()`). Best effort: a failure is
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
    try {
      await client.messages(ref.messageSid).media(ref.mediaSid).remove();
    } catch (error) {
      // Already gone: what we wanted.
      if ((error as { status?: unknown }).status === 404) return;
      this.logger.warn(
        `media ${ref.mediaSid} of message ${ref.messageSid} is stored here but could not be deleted at Twilio (${toChannelError(error).message}); delete it in the Twilio Console`,
      );
    }
  }
}
