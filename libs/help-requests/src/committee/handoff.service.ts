import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, AppConfig, DomainError, formatDualDate } from '@app/common';
import { checkTransition, TicketsService, type Viewer } from '@app/tickets';
import { HelpRequestEvents } from '../intake/help-request-events.js';
import { type HelpRequestState, HelpRequestStateService } from '../intake/help-request-state.service.js';
import { HelpRequest } from '../intake/help-request.entity.js';
import { ApplicantNotifier, NOTICE_TEMPLATES } from '../notices/applicant-notifier.js';
import { committeeDays, pausedSeconds, startOrResume } from './committee-clock.js';
import { CommitteeQueue } from './committee-queue.js';

/**
 * The hand-off to the research committee (DESIGN flow step 6): only a complete, verified and
 * signed intake goes; the ticket moves to `with_committee`, the committee queue puts the request
 * on the board and sets the study-overdue reminder, and the applicant is told when to expect the
 * decision.
 */
@Injectable()
export class HandoffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly state: HelpRequestStateService,
    private readonly tickets: TicketsService,
    private readonly queue: CommitteeQueue,
    private readonly notifier: ApplicantNotifier,
    private readonly events: HelpRequestEvents,
    private readonly audit: AuditService,
  ) {}

  async handoff(ticketId: string, viewer: Viewer, actor: Actor): Promise<HelpRequestState> {
    const request = await this.state.findByTicket(ticketId, viewer);
    const s = await this.state.compute(request);
    if (request.status === 'with_committee') throw new DomainError('conflict', 'the help request is already with the research committee');
    if (request.status === 'decided') throw new DomainError('conflict', 'the committee has decided this help request; a new need is a new request');
    if (s.blockers.length) {
      throw new DomainError('unprocessable', `the help request is not ready for the committee: ${s.blockers.map((b) => b.message).join('; ')}`, {
        missing: s.blockers,
      });
    }
    const move = checkTransition(s.ticket.status, 'with_committee', 'handoff');
    if (!move.allowed) throw new DomainError('invalid_transition', move.reason);

    const now = new Date();
    const days = committeeDays(s.serviceType.committeeTargetDays, this.config.COMMITTEE_DECISION_DAYS);
    const clock = startOrResume(
      { dueAt: request.committeeDueAt, pausedAt: request.clockPausedAt, remainingSeconds: request.clockRemainingSeconds },
      now,
      days,
    );
    const round = request.handoffRound + 1;

    await this.tickets.changeStatus(
      ticketId,
      'with_committee',
      'handoff',
      viewer,
      actor,
      clock.resumed ? 'information provided; back to the committee' : 'intake complete, verified and signed',
    );
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(HelpRequest).update(request.id, {
        status: 'with_committee',
        handoffRound: round,
        handedOffAt: now,
        firstHandedOffAt: request.firstHandedOffAt ?? now,
        committeeDueAt: clock.dueAt,
        clockPausedAt: null,
        clockRemainingSeconds: null,
        clockPausedSeconds: request.clockPausedSeconds + (request.clockPausedAt ? pausedSeconds(request.clockPausedAt, now) : 0),
      });
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'help_request.handed_off',
          entityType: 'help_request',
          entityId: request.id,
          before: { status: request.status, dueAt: request.committeeDueAt?.toISOString() ?? null },
          after: {
            status: 'with_committee',
            round,
            dueAt: clock.dueAt.toISOString(),
            clock: clock.resumed ? 'resumed' : 'started',
            checkedOn: s.checklist.asOf,
            declarationId: s.declaration?.id,
            dataHash: s.declaration?.dataHash,
          },
          ip: actor.ip,
        },
        manager,
      );
    });
    await this.queue.placeOnBoard(request.id, round);
    await this.notifier.notify(
      ticketId,
      clock.resumed ? NOTICE_TEMPLATES.handoffResumed : NOTICE_TEMPLATES.handoff,
      (language) => ({
        name: s.contact.name,
        ticketNumber: s.ticket.number,
        committeeDays: String(days),
        expectedDate: formatDualDate(clock.dueAt, language),
      }),
      ['name', 'ticketNumber', 'expectedDate'],
    );
    await this.events.changed(ticketId, { id: request.id, status: 'with_committee', change: 'handoff' });
    return this.state.load(request.id);
  }
}
