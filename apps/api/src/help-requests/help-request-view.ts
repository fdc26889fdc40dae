import { AppConfig, formatDualDate, formatHijri } from '@app/common';
import {
  committeeDays,
  isOverdue,
  OTP_MAX_ATTEMPTS,
  riyadhNoon,
  type CommitteeDecision,
  type CommitteeResearchEntry,
  type HelpRequestState,
  type ServiceType,
} from '@app/help-requests';
import { toAttachmentView } from '@app/tickets';
import type { HelpRequestResponse, ServiceTypeResponse } from './help-request.views.js';

export function serviceTypeView(t: ServiceType, config: AppConfig): ServiceTypeResponse {
  return {
    id: t.id,
    code: t.code,
    nameAr: t.nameAr,
    nameEn: t.nameEn,
    descriptionAr: t.descriptionAr,
    descriptionEn: t.descriptionEn,
    fields: t.fields,
    documents: t.documents,
    committeeTargetDays: t.committeeTargetDays,
    committeeDays: committeeDays(t.committeeTargetDays, config.COMMITTEE_DECISION_DAYS),
    active: t.active,
    sortOrder: t.sortOrder,
  };
}

export function toHelpRequestView(
  s: HelpRequestState,
  extra: { decisions: CommitteeDecision[]; research: CommitteeResearchEntry[]; fileNumber: string | null; config: AppConfig },
  now = new Date(),
): HelpRequestResponse {
  const r = s.request;
  const code = s.latestCode;
  const codeOpen = code && !code.consumedAt && code.expiresAt.getTime() > now.getTime() && code.attempts < code.maxAttempts;
  const studying = r.status === 'with_committee';
  return {
    id: r.id,
    ticketId: s.ticket.id,
    ticketNumber: s.ticket.number,
    ticketStatus: s.ticket.status,
    status: r.status,
    source: r.source,
    dataVersion: r.dataVersion,
    serviceType: {
      id: s.serviceType.id,
      code: s.serviceType.code,
      nameAr: s.serviceType.nameAr,
      nameEn: s.serviceType.nameEn,
      committeeTargetDays: s.serviceType.committeeTargetDays,
    },
    applicant: {
      contactId: s.contact.id,
      name: s.contact.name,
      kind: s.contact.kind,
      nationalId: s.contact.nationalIdMasked,
      phones: (s.contact.identities ?? []).filter((i) => i.kind === 'phone').map((i) => i.address),
      preferredLanguage: s.contact.preferredLanguage,
      beneficiaryFileNumber: extra.fileNumber,
    },
    description: r.description,
    household: r.household.map((m) => ({
      id: m.id,
      name: m.name,
      relation: m.relation,
      birthDate: m.birthDate,
      nationalId: m.nationalIdMasked,
      monthlyIncomeSar: m.monthlyIncomeSar,
      notes: m.notes,
    })),
    fields: r.fields,
    documents: s.documents.map((d) => {
      const spec = s.serviceType.documents.find((x) => x.type === d.documentType);
      return {
        id: d.id,
        documentType: d.documentType,
        label: spec ? { ar: spec.labelAr, en: spec.labelEn } : null,
        required: spec?.required ?? false,
        expiresOn: d.expiresOn,
        expiresOnHijri: d.expiresOn ? formatHijri(riyadhNoon(d.expiresOn), 'ar') : null,
        attachment: d.attachment ? toAttachmentView(d.attachment) : null,
        addedAt: d.createdAt.toISOString(),
        verification: d.verificationResult
          ? {
              result: d.verificationResult,
              current: s.currentVerification.get(d.id) !== null,
              verifiedById: d.verifiedById,
              verifiedAt: d.verifiedAt?.toISOString() ?? null,
              notes: d.verificationNotes,
            }
          : null,
      };
    }),
    checklist: s.checklist,
    verification: {
      complete: s.documents.every((d) => s.currentVerification.get(d.id) === 'matches'),
      unverified: s.documents.filter((d) => s.currentVerification.get(d.id) === null).map((d) => d.id),
    },
    declaration: {
      signed: s.declarationState.signed,
      outdated: s.declarationState.outdated,
      method: s.declaration?.method ?? null,
      channel: s.declaration?.channel ?? null,
      declaredAt: s.declaration?.declaredAt.toISOString() ?? null,
      dataHash: s.declaration?.dataHash ?? null,
      ip: s.declaration?.ip ?? null,
      recordedById: s.declaration?.recordedById ?? null,
      signedOn: s.declaration?.signedOn ?? null,
      attachmentId: s.declaration?.attachmentId ?? null,
    },
    pendingCode: codeOpen
      ? {
          codeId: code.id,
          sentTo: code.sentToMasked,
          expiresAt: code.expiresAt.toISOString(),
          triesLeft: Math.min(OTP_MAX_ATTEMPTS, code.maxAttempts) - code.attempts,
          sandbox: code.sandbox,
        }
      : null,
    readyForHandoff: s.blockers.length === 0 && (r.status === 'intake' || r.status === 'awaiting_info'),
    blockers: s.blockers,
    committee: {
      days: committeeDays(s.serviceType.committeeTargetDays, extra.config.COMMITTEE_DECISION_DAYS),
      round: r.handoffRound,
      firstHandedOffAt: r.firstHandedOffAt?.toISOString() ?? null,
      handedOffAt: r.handedOffAt?.toISOString() ?? null,
      dueAt: r.committeeDueAt?.toISOString() ?? null,
      expectedDecisionDate: r.committeeDueAt ? { ar: formatDualDate(r.committeeDueAt, 'ar'), en: formatDualDate(r.committeeDueAt, 'en') } : null,
      clockPaused: !!r.clockPausedAt,
      overdue: studying && isOverdue(r.committeeDueAt, now),
      stage: s.board?.stage ?? null,
      research: extra.research.map((e) => ({
        id: e.id,
        kind: e.kind,
        notes: e.notes,
        visitDate: e.visitDate,
        findings: e.findings,
        authorId: e.authorId,
        createdAt: e.createdAt.toISOString(),
      })),
      decisions: extra.decisions.map((d) => ({
        id: d.id,
        outcome: d.outcome,
        amountSar: d.amountSar,
        items: d.items,
        durationMonths: d.durationMonths,
        reason: d.reason,
        infoNeeded: d.infoNeeded,
        notes: d.notes,
        correctsDecisionId: d.correctsDecisionId,
        correctedById: extra.decisions.find((x) => x.correctsDecisionId === d.id)?.id ?? null,
        round: d.round,
        decidedById: d.decidedById,
        decidedAt: d.decidedAt.toISOString(),
      })),
    },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
