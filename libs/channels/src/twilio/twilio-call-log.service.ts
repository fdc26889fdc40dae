import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig, normalizePhoneNumber } from '@app/common';
import type { InboundContact } from '../core/channel-adapter.js';
import { InboundEvent } from '../inbound/inbound-event.entity.js';
import { createTwilioClient, type TwilioClient } from './twilio-client.factory.js';

/** Finds the caller of a call, so its voicemail goes to the same contact and ticket. */
@Injectable()
export class TwilioCallLog {
  private readonly logger = new Logger(TwilioCallLog.name);
  private readonly client: TwilioClient | null;

  constructor(
    config: AppConfig,
    @InjectRepository(InboundEvent) private readonly events: Repository<InboundEvent>,
  ) {
    this.client = createTwilioClient(config);
  }

  /** The call logged by the voice webhook; failing that (it never arrived), Twilio's record of the call. */
  async callerOf(callSid: string): Promise<InboundContact['from'] | null> {
    const call = await this.events.findOneBy({ channel: 'phone', externalId: callSid });
    if (call) return call.payload.from;
    if (!this.client || !/^CA[0-9a-fA-F]{32}$/.test(callSid)) return null;
    try {
      const fetched = await this.client.calls(callSid).fetch();
      const address = fetched.from ? normalizePhoneNumber(fetched.from) : null;
      return address ? { kind: 'phone', address } : null;
    } catch (error) {
      this.logger.warn(`call ${callSid} could not be fetched from Twilio: ${(error as Error).message}`);
      return null;
    }
  }
}
