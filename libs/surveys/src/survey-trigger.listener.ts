import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AppConfig } from '@app/common';
import { TicketEvents, TicketsService } from '@app/tickets';
import { SurveyQueue } from './survey-queue.js';

/**
 * Ticket resolved → the survey is scheduled as a delayed job (`survey-<ticketId>`), with the
 * officer captured now; ticket re-opened → the pending job and reminder are dropped. Runs in
 * whichever app resolved the ticket; the worker's surveys processor sends it.
 */
@Injectable()
export class SurveyTriggerListener {
  private readonly logger = new Logger(SurveyTriggerListener.name);

  constructor(
    private readonly tickets: TicketsService,
    private readonly queue: SurveyQueue,
    private readonly config: AppConfig,
  ) {}

  @OnEvent(TicketEvents.Resolved, { async: true, promisify: true })
  async onResolved(event: { ticketId: string }): Promise<void> {
    try {
      const ticket = await this.tickets.get(event.ticketId);
      await this.queue.scheduleInvitation(
        { version: 1, ticketId: ticket.id, assigneeId: ticket.assigneeId },
        this.config.SURVEY_DELAY_SECONDS * 1000,
      );
    } catch (error) {
      this.logger.warn(`survey of ticket ${event.ticketId} not scheduled: ${(error as Error).message}`);
    }
  }

  @OnEvent(TicketEvents.Reopened, { async: true, promisify: true })
  async onReopened(event: { ticketId: string }): Promise<void> {
    await this.queue.cancelForTicket(event.ticketId);
  }
}
