import { AppConfig, formatDualDate, formatHijri } from '@app/common';
import {
  committeeDays,
  isOverdue,
  OTP_MAX_ATTEMPTS,
  riyadhNoon,
  type ChecklistItem,
  type CommitteeDecision,
  type CommitteeResearchEntry,
  type HelpRequestState,
  type ServiceType,
} from '@app/help-requests';
import { toAttachmentView, type AttachmentView } from '@app/tickets';

export interface HelpRequestView {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketStatus: string;
  status: string;
  source: string;
  dataVersion: number;
  serviceType: { id: string; code: string; nameAr: string; nameEn: string; committeeTargetDays: number };
  applicant: {
    contactId: string;
    name: string;
    kind: string;
    nationalId: string | null;
    phones: string[];
    preferredLanguage: string;
    beneficiaryFileNumber: string | null;
  };
  description: string;
  household: {
    /** Send it back with the member to keep its stored national ID (shown here only masked). */
    id: string;
    name: string;
    relation: string;
    birthDate: string | null;
    nationalId: string | null;
    monthlyIncomeSar: number | null;
    notes: string | null;
  }[];
  fields: Record<string, unknown>;
  documents: {
    id: string;
    documentType: string;
    label: { ar: string; en: string } | null;
    required: boolean;
    expiresOn: string | null;
    expiresOnHijri: string | null;
    attachment: AttachmentView | null;
    addedAt: string;
    verification: { result: string; current: boolean; verifiedById: string | null; verifiedAt: string | null; notes: string | null } | null;
  }[];
  /** What is missing and what is invalid on the submission day. */
  checklist: { asOf: string; complete: boolean; missing: ChecklistItem[]; invalid: ChecklistItem[] };
  verification: { complete: boolean; unverified: string[] };
  declaration: {
    signed: boolean;
    outdated: boolean;
    method: string | null;
    channel: string | null;
    declaredAt: string | null;
    dataHash: string | null;
    ip: string | null;
    recordedById: string | null;
    signedOn: string | null;
    attachmentId: string | null;
  };
  pendingCode: { codeId: string; sentTo: string; expiresAt: string; triesLeft: number; sandbox: boolean } | null;
  readyForHandoff: boolean;
  /** Everything that stops the hand-off (the 422 of POST /tickets/:id/handoff lists the same). */
  blockers: ChecklistItem[];
  committee: {
    days: number;
    round: number;
    firstHandedOffAt: string | null;
    handedOffAt: string | null;
    dueAt: string | null;
    expectedDecisionDate: { ar: string; en: string } | null;
    clockPaused: boolean;
    overdue: boolean;
    stage: string | null;
    research: { id: string; kind: string; notes: string; visitDate: string | null; findings: string | null; authorId: string; createdAt: string }[];
    decisions: {
      id: string;
      outcome: string;
      amountSar: number | null;
      items: string[];
      durationMonths: number | null;
      reason: string | null;
      infoNeeded: string | null;
      notes: string | null;
      correctsDecisionId: string | null;
      correctedById: string | null;
      round: number;
      decidedById: string;
      decidedAt: string;
    }[];
  };
  createdAt: string;
  updatedAt: string;
}

export function serviceTypeView(t: ServiceType, config: AppConfig) {
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
    /** The days applicants are told: the target, never under the configured minimum (≥ 14). */
    committeeDays: committeeDays(t.committeeTargetDays, config.COMMITTEE_DECISION_DAYS),
    active: t.active,
    sortOrder: t.sortOrder,
  };
}

export function toHelpRequestView(
  s: HelpRequestState,
  extra: { decisions: CommitteeDecision[]; research: CommitteeResearchEntry[]; fileNumber: string | null; config: AppConfig },
  now = new Date(),
): HelpRequestView {
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
