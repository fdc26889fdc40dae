import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { TicketsService, type Viewer } from '@app/tickets';
import { HelpRequestEvents } from '../intake/help-request-events.js';
import { type HelpRequestState, HelpRequestStateService } from '../intake/help-request-state.service.js';
import { HelpRequest } from '../intake/help-request.entity.js';
import { isIsoDate, riyadhDate } from '../intake/riyadh-date.js';
import { ApplicantNotifier, NOTICE_TEMPLATES } from '../notices/applicant-notifier.js';
import { CommitteeBoardEntry } from './committee-board-entry.entity.js';
import { daysLeft, isOverdue, pause } from './committee-clock.js';
import { CommitteeDecision } from './committee-decision.entity.js';
import { CommitteeQueue } from './committee-queue.js';
import { CommitteeResearchEntry, type ResearchKind } from './committee-research-entry.entity.js';
import { BOARD_STAGES, type BoardStage, checkStageMove, stageAfterResearch } from './committee-stages.js';
import { approvalSummary, decisionErrors, type DecisionInput } from './decision-rules.js';

const DECIDED_VISIBLE_DAYS = 30;

export interface BoardQuery {
  stage?: BoardStage[];
  overdue?: boolean;
  serviceType?: string;
}

export interface BoardItem {
  helpRequestId: string;
  ticketId: string;
  ticketNumber: string;
  applicant: { id: string; name: string; beneficiaryFileNumber: string | null };
  serviceType: { code: string; nameAr: string; nameEn: string };
  stage: BoardStage;
  round: number;
  /** with_committee, or awaiting_info while the committee waits for information (clock stopped). */
  status: string;
  awaitingInfo: boolean;
  placedAt: string;
  dueAt: string | null;
  overdue: boolean;
  daysLeft: number | null;
  overdueRemindedAt: string | null;
}

export interface ResearchInput {
  kind: ResearchKind;
  notes: string;
  visitDate?: string | null;
  findings?: string | null;
}

/** The research committee's work: the board, the social research and the decisions. */
@Injectable()
export class CommitteeService {
  private readonly logger = new Logger(CommitteeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly state: HelpRequestStateService,
    private readonly tickets: TicketsService,
    private readonly queue: CommitteeQueue,
    private readonly notifier: ApplicantNotifier,
    private readonly events: HelpRequestEvents,
    private readonly audit: AuditService,
  ) {}

  async board(query: BoardQuery, now = new Date()): Promise<{ items: BoardItem[]; stages: Record<BoardStage, number> }> {
    const qb = this.dataSource
      .getRepository(CommitteeBoardEntry)
      .createQueryBuilder('b')
      .innerJoin(HelpRequest, 'hr', 'hr.id = b.help_request_id')
      .innerJoin('tickets', 't', 't.id = hr.ticket_id')
      .innerJoin('contacts', 'c', 'c.id = hr.contact_id')
      .innerJoin('service_types', 'st', 'st.id = hr.service_type_id')
      .leftJoin('beneficiary_files', 'bf', 'bf.id = hr.beneficiary_file_id')
      .select([
        'b.help_request_id AS "helpRequestId"',
        'b.ticket_id AS "ticketId"',
        't.number AS "ticketNumber"',
        'c.id AS "contactId"',
        'c.name AS "contactName"',
        'bf.file_number AS "fileNumber"',
        'st.code AS "serviceCode"',
        'st.name_ar AS "serviceNameAr"',
        'st.name_en AS "serviceNameEn"',
        'b.stage AS stage',
        'b.round AS round',
        'hr.status AS status',
        'b.placed_at AS "placedAt"',
        'hr.committee_due_at AS "dueAt"',
        'b.overdue_reminded_at AS "overdueRemindedAt"',
      ])
      .orderBy('hr.committee_due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('b.placed_at', 'ASC');
    if (query.stage?.length) qb.andWhere('b.stage IN (:...stages)', { stages: query.stage });
    // Decided cards stay on the board for a month, then only when asked for by stage.
    else qb.andWhere("(b.stage <> 'decided' OR b.stage_changed_at > :since)", { since: new Date(now.getTime() - DECIDED_VISIBLE_DAYS * 86_400_000) });
    if (query.serviceType) qb.andWhere('st.code = :code', { code: query.serviceType });
    if (query.overdue) qb.andWhere("hr.status = 'with_committee' AND hr.committee_due_at < :now", { now });
    const rows: Record<string, unknown>[] = await qb.getRawMany();
    const items = rows.map((r): BoardItem => {
      const dueAt = r.dueAt ? new Date(r.dueAt as string) : null;
      const studying = r.status === 'with_committee';
      return {
        helpRequestId: r.helpRequestId as string,
        ticketId: r.ticketId as string,
        ticketNumber: r.ticketNumber as string,
        applicant: { id: r.contactId as string, name: r.contactName as string, beneficiaryFileNumber: (r.fileNumber as string | null) ?? null },
        serviceType: { code: r.serviceCode as string, nameAr: r.serviceNameAr as string, nameEn: r.serviceNameEn as string },
        stage: r.stage as BoardStage,
        round: Number(r.round),
        status: r.status as string,
        awaitingInfo: r.status === 'awaiting_info',
        placedAt: new Date(r.placedAt as string).toISOString(),
        dueAt: dueAt?.toISOString() ?? null,
        overdue: studying && isOverdue(dueAt, now),
        daysLeft: studying && dueAt ? daysLeft(dueAt, now) : null,
        overdueRemindedAt: r.overdueRemindedAt ? new Date(r.overdueRemindedAt as string).toISOString() : null,
      };
    });
    const stages = Object.fromEntries(BOARD_STAGES.map((s) => [s, items.filter((i) => i.stage === s).length])) as Record<BoardStage, number>;
    return { items, stages };
  }

  async moveStage(helpRequestId: string, to: BoardStage, viewer: Viewer, actor: Actor): Promise<HelpRequestState> {
    const request = await this.state.find(helpRequestId, viewer);
    const entry = await this.entryOf(request);
    const check = checkStageMove(entry.stage, to);
    if (!check.allowed) throw new DomainError('invalid_transition', check.reason, { from: entry.stage, to });
    await this.dataSource.transaction((manager) => this.setStage(manager, entry, to, actor));
    await this.events.changed(request.ticketId, { id: request.id, status: request.status, change: 'stage' });
    return this.state.load(request.id);
  }

  async addResearch(helpRequestId: string, input: ResearchInput, viewer: Viewer, actor: Actor): Promise<CommitteeResearchEntry> {
    const request = await this.state.find(helpRequestId, viewer);
    if (request.status !== 'with_committee' && request.status !== 'awaiting_info') {
      throw new DomainError(
        'invalid_transition',
        `the help request is ${request.status.replace('_', ' ')}; research is recorded while the committee studies it`,
      );
    }
    if (input.kind === 'field_visit') {
      if (!input.visitDate || !isIsoDate(input.visitDate) || input.visitDate > riyadhDate(new Date())) {
        throw new DomainError('invalid_input', 'visitDate must be the date of the visit (YYYY-MM-DD), not in the future', { fields: ['visitDate'] });
      }
      if (!input.findings?.trim()) throw new DomainError('invalid_input', 'findings must say what the field visit found', { fields: ['findings'] });
    }
    const entry = await this.dataSource.getRepository(CommitteeBoardEntry).findOneBy({ helpRequestId });
    const saved = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CommitteeResearchEntry);
      const row = await repo.save(
        repo.create({
          helpRequestId,
          kind: input.kind,
          notes: input.notes.trim(),
          visitDate: input.kind === 'field_visit' ? input.visitDate! : null,
          findings: input.findings?.trim() || null,
          authorId: viewer.id,
        }),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'committee.research_recorded',
          entityType: 'help_request',
          entityId: helpRequestId,
          after: { researchId: row.id, kind: row.kind, visitDate: row.visitDate },
          ip: actor.ip,
        },
        manager,
      );
      if (entry) {
        const next = stageAfterResearch(entry.stage, input.kind);
        if (next !== entry.stage) await this.setStage(manager, entry, next, actor);
      }
      return row;
    });
    await this.events.changed(request.ticketId, { id: request.id, status: request.status, change: 'research' });
    return saved;
  }

  /**
   * Records a decision and carries it out: the applicant is told on their channel, then the ticket
   * resolves (approved, rejected) or returns to the officer with the clock stopped (more_info).
   */
  async decide(helpRequestId: string, input: DecisionInput, viewer: Viewer, actor: Actor): Promise<CommitteeDecision> {
    const errors = decisionErrors(input);
    if (errors.length) throw new DomainError('invalid_input', errors.join('; '));
    if (input.correctsDecisionId) return this.correct(helpRequestId, input, viewer, actor);
    const s = await this.state.load(helpRequestId, viewer);
    const request = s.request;
    if (request.status !== 'with_committee') {
      throw new DomainError(
        'invalid_transition',
        `only a help request with the committee can be decided; this one is ${request.status.replace('_', ' ')}`,
      );
    }
    const now = new Date();
    const round = request.handoffRound;
    const decision = await this.dataSource.transaction(async (manager) => {
      const saved = await this.insertDecision(manager, request, input, round, viewer);
      if (input.outcome === 'more_info') {
        const paused = pause(request.committeeDueAt ?? now, now);
        await manager
          .getRepository(HelpRequest)
          .update(request.id, { status: 'awaiting_info', clockPausedAt: paused.pausedAt, clockRemainingSeconds: paused.remainingSeconds });
      } else {
        await manager.getRepository(HelpRequest).update(request.id, { status: 'decided', decidedAt: now });
        const entry = await manager.getRepository(CommitteeBoardEntry).findOneBy({ helpRequestId });
        if (entry) await this.setStage(manager, entry, 'decided', actor);
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'committee.decision_recorded',
          entityType: 'help_request',
          entityId: request.id,
          before: { status: request.status },
          after: {
            decisionId: saved.id,
            outcome: saved.outcome,
            status: input.outcome === 'more_info' ? 'awaiting_info' : 'decided',
            round,
            amountSar: saved.amountSar,
            items: saved.items,
            durationMonths: saved.durationMonths,
            reason: saved.reason,
            infoNeeded: saved.infoNeeded,
            ...(input.outcome === 'more_info' ? { clock: 'paused' } : {}),
          },
          ip: actor.ip,
        },
        manager,
      );
      return saved;
    });
    await this.queue.cancelOverdueReminder(request.id, round);
    await this.tellApplicant(s, decision);
    if (input.outcome === 'more_info') {
      await this.tickets.changeStatus(
        request.ticketId,
        'open',
        'committee_decision',
        viewer,
        actor,
        `the committee needs more information: ${decision.infoNeeded}`,
      );
    } else {
      await this.tickets.changeStatus(request.ticketId, 'resolved', 'committee_decision', viewer, actor, `committee decision: ${decision.outcome}`);
    }
    await this.events.changed(request.ticketId, {
      id: request.id,
      status: input.outcome === 'more_info' ? 'awaiting_info' : 'decided',
      change: 'decision',
    });
    return decision;
  }

  /** A correction: a new decision naming the one it corrects (decisions are never edited). */
  private async correct(helpRequestId: string, input: DecisionInput, viewer: Viewer, actor: Actor): Promise<CommitteeDecision> {
    const s = await this.state.load(helpRequestId, viewer);
    if (s.request.status !== 'decided') throw new DomainError('invalid_transition', 'only a decided help request has a decision to correct');
    const decisions = await this.decisionsOf(helpRequestId);
    const target = decisions.find((d) => d.id === input.correctsDecisionId);
    if (!target)
      throw new DomainError('invalid_input', 'correctsDecisionId must be a decision of this help request', { fields: ['correctsDecisionId'] });
    const standing = decisions.filter((d) => d.outcome !== 'more_info' && !decisions.some((x) => x.correctsDecisionId === d.id));
    if (!standing.some((d) => d.id === target.id)) throw new DomainError('conflict', 'that decision was already corrected; correct the latest one');
    const decision = await this.dataSource.transaction(async (manager) => {
      const saved = await this.insertDecision(manager, s.request, input, target.round, viewer);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'committee.decision_corrected',
          entityType: 'help_request',
          entityId: helpRequestId,
          before: { decisionId: target.id, outcome: target.outcome, amountSar: target.amountSar, items: target.items, reason: target.reason },
          after: {
            decisionId: saved.id,
            outcome: saved.outcome,
            amountSar: saved.amountSar,
            items: saved.items,
            reason: saved.reason,
            notes: saved.notes,
          },
          ip: actor.ip,
        },
        manager,
      );
      return saved;
    });
    await this.tellApplicant(s, decision);
    await this.events.changed(s.ticket.id, { id: helpRequestId, status: s.request.status, change: 'decision_corrected' });
    return decision;
  }

  decisionsOf(helpRequestId: string): Promise<CommitteeDecision[]> {
    return this.dataSource.getRepository(CommitteeDecision).find({ where: { helpRequestId }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }

  researchOf(helpRequestId: string): Promise<CommitteeResearchEntry[]> {
    return this.dataSource.getRepository(CommitteeResearchEntry).find({ where: { helpRequestId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private async insertDecision(
    manager: EntityManager,
    request: HelpRequest,
    input: DecisionInput,
    round: number,
    viewer: Viewer,
  ): Promise<CommitteeDecision> {
    const repo = manager.getRepository(CommitteeDecision);
    return repo.save(
      repo.create({
        helpRequestId: request.id,
        ticketId: request.ticketId,
        outcome: input.outcome,
        amountSar: input.outcome === 'approved' ? (input.amountSar ?? null) : null,
        items: input.outcome === 'approved' ? (input.items ?? []).map((i) => i.trim()).filter(Boolean) : [],
        durationMonths: input.outcome === 'approved' ? (input.durationMonths ?? null) : null,
        reason: input.reason?.trim() || null,
        infoNeeded: input.outcome === 'more_info' ? input.infoNeeded!.trim() : null,
        notes: input.notes?.trim() || null,
        correctsDecisionId: input.correctsDecisionId ?? null,
        round,
        decidedById: viewer.id,
      }),
    );
  }

  private async tellApplicant(s: HelpRequestState, d: CommitteeDecision): Promise<void> {
    const base = { name: s.contact.name, ticketNumber: s.ticket.number };
    if (d.correctsDecisionId) {
      await this.notifier.notify(
        s.ticket.id,
        NOTICE_TEMPLATES.corrected,
        (language) => ({
          ...base,
          decision:
            d.outcome === 'approved' ? approvalSummary(d, language) : `${language === 'ar' ? 'لم تتم الموافقة' : 'not approved'}: ${d.reason ?? ''}`,
        }),
        ['name', 'ticketNumber', 'decision'],
      );
      return;
    }
    switch (d.outcome) {
      case 'approved':
        await this.notifier.notify(s.ticket.id, NOTICE_TEMPLATES.approved, (language) => ({ ...base, approved: approvalSummary(d, language) }), [
          'name',
          'ticketNumber',
          'approved',
        ]);
        return;
      case 'rejected':
        await this.notifier.notify(s.ticket.id, NOTICE_TEMPLATES.rejected, () => ({ ...base, reason: d.reason ?? '' }), [
          'name',
          'ticketNumber',
          'reason',
        ]);
        return;
      case 'more_info':
        await this.notifier.notify(s.ticket.id, NOTICE_TEMPLATES.moreInfo, () => ({ ...base, infoNeeded: d.infoNeeded ?? '' }), [
          'name',
          'ticketNumber',
          'infoNeeded',
        ]);
        return;
    }
  }

  private async entryOf(request: HelpRequest): Promise<CommitteeBoardEntry> {
    const entry = await this.dataSource.getRepository(CommitteeBoardEntry).findOneBy({ helpRequestId: request.id });
    if (!entry) throw new DomainError('not_found', 'the help request is not on the committee board (yet)');
    return entry;
  }

  private async setStage(manager: EntityManager, entry: CommitteeBoardEntry, to: BoardStage, actor: Actor): Promise<void> {
    await manager.getRepository(CommitteeBoardEntry).update(entry.id, { stage: to, stageChangedAt: new Date() });
    await this.audit.record(
      {
        actorId: actor.id,
        action: 'committee.stage_changed',
        entityType: 'help_request',
        entityId: entry.helpRequestId,
        before: { stage: entry.stage },
        after: { stage: to },
        ip: actor.ip,
      },
      manager,
    );
    entry.stage = to;
  }
}
