import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { NotificationsService } from '@app/notifications';
import { type Ticket, TicketsService, type Viewer } from '@app/tickets';
import { EscalationService } from './escalation.service.js';

/** "Refer to the competent official when the procedure is unclear": the ticket goes to the category's competent officer with the reason. */
@Injectable()
export class ReferralService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly escalation: EscalationService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async refer(ticketId: string, reason: string, viewer: Viewer, actor: Actor): Promise<Ticket> {
    const ticket = await this.tickets.get(ticketId, viewer);
    if (!['new', 'open', 'pending'].includes(ticket.status))
      throw new DomainError('invalid_transition', `a ${ticket.status} ticket cannot be referred`);
    if (!ticket.categoryId) throw new DomainError('unprocessable', 'set the ticket’s category first: the competent officer is the category’s');
    const officer = await this.escalation.competentOfficerOf(ticket.categoryId);
    if (!officer)
      throw new DomainError('unprocessable', `the category ${ticket.category?.name ?? ''} has no competent officer; an admin can name one`);
    await this.tickets.addStaffMessage(ticketId, { kind: 'note', body: `إحالة إلى المسؤول المختص: ${reason}` }, viewer, actor);
    await this.tickets.assignBySystem(ticketId, officer, `referral: ${reason}`, actor);
    await this.audit.record({
      actorId: actor.id,
      action: 'ticket.referred',
      entityType: 'ticket',
      entityId: ticketId,
      before: { assigneeId: ticket.assigneeId },
      after: { assigneeId: officer, reason },
      ip: actor.ip,
    });
    await this.notifications.notify([officer], { kind: 'ticket.referred', ticketId, title: `أُحيلت إليك التذكرة ${ticket.number}`, body: reason });
    return this.tickets.get(ticketId);
  }
}
