import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { withTimeout } from '@app/common';
import { QueueName } from '@app/queue';
import { TicketsService } from '@app/tickets';
import { TWILIO_STATUS_JOB, type TwilioStatusJob } from './twilio-jobs.js';
import type { TwilioStatusUpdate } from './twilio-status.js';

export type StatusOutcome = 'recorded' | 'unchanged' | 'unknown' | 'ignored';

/**
 * Applies Twilio's delivery status callbacks to our outbound messages. Statuses only move forward
 * (TicketsService.recordDelivery / canAdvance), so late or repeated callbacks change nothing.
 */
@Injectable()
export class TwilioStatusService {
  private readonly logger = new Logger(TwilioStatusService.name);

  constructor(
    private readonly tickets: TicketsService,
    @InjectQueue(QueueName.Twilio) private readonly queue: Queue<TwilioStatusJob>,
  ) {}

  async apply(update: TwilioStatusUpdate): Promise<StatusOutcome> {
    if (!update.status) return 'ignored';
    const message = await this.tickets.findOutboundByExternalId(['sms', 'whatsapp'], update.messageSid);
    if (!message) return 'unknown';
    const moved = await this.tickets.recordDelivery(message.id, { status: update.status, ...(update.error ? { error: update.error } : {}) }, message);
    return moved ? 'recorded' : 'unchanged';
  }

  /**
   * A callback can overtake the write of its MessageSid (Twilio answers the create, calls back at
   * once). Twilio must not retry forever, so the webhook answers 200 and the status is applied
   * again from the queue a few times before it is given up. False when Redis is unreachable.
   */
  async applyLater(update: TwilioStatusUpdate): Promise<boolean> {
    try {
      await withTimeout(
        this.queue.add(
          TWILIO_STATUS_JOB,
          { version: 1, update },
          { jobId: `st-${update.messageSid}-${update.providerStatus}`, delay: 2000, attempts: 6, backoff: { type: 'exponential', delay: 2000 } },
        ),
        2000,
      );
      return true;
    } catch (error) {
      this.logger.warn(`status ${update.providerStatus} of unknown message ${update.messageSid} dropped: ${(error as Error).message}`);
      return false;
    }
  }
}
