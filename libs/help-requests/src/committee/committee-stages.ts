/** The committee board's columns. A case reaches `decided` only through a decision. */
export const BOARD_STAGES = ['new', 'under_study', 'field_visit', 'ready_for_decision', 'decided'] as const;
export type BoardStage = (typeof BOARD_STAGES)[number];

export type StageMoveCheck = { allowed: true } | { allowed: false; reason: string };

export function checkStageMove(from: BoardStage, to: BoardStage): StageMoveCheck {
  if (from === to) return { allowed: false, reason: `the case is already ${to}` };
  if (from === 'decided') return { allowed: false, reason: 'the case is decided; a correction is a new decision' };
  if (to === 'decided') return { allowed: false, reason: 'a case becomes decided only by recording the decision' };
  return { allowed: true };
}

/** Recording research moves a case forward on its own: notes start the study, a field-visit report marks the visit. */
export function stageAfterResearch(current: BoardStage, kind: 'note' | 'field_visit'): BoardStage {
  if (current === 'decided' || current === 'ready_for_decision') return current;
  if (kind === 'field_visit') return 'field_visit';
  return current === 'new' ? 'under_study' : current;
}
