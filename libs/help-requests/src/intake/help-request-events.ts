import { Injectable } from '@nestjs/common';
import { RealtimePublisher } from '@app/realtime';
import { TicketsService, toTicketView } from '@app/tickets';

/** Pushes a help request's change to the console (the ticket row plus the request's status), to staff who see help requests. */
@Injectable()
export class HelpRequestEvents {
  constructor(
    private readonly realtime: RealtimePublisher,
    private readonly tickets: TicketsService,
  ) {}

  async changed(ticketId: string, helpRequest: { id: string; status: string; change: string }): Promise<void> {
    const ticket = await this.tickets.get(ticketId);
    await this.realtime.publish({
      type: 'ticket.updated',
      payload: { ticket: toTicketView(ticket), helpRequest },
      audience: { ticketType: 'help_request' },
    });
  }
}
