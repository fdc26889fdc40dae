import { BOARD_STAGES, type BoardItem, type BoardStage } from '../help-requests/help-request-api';

export interface BoardColumn {
  stage: BoardStage;
  items: BoardItem[];
}

const due = (item: BoardItem) => (item.dueAt ? Date.parse(item.dueAt) : Number.POSITIVE_INFINITY);

/** One column per stage in the board's order; the most urgent cards first (overdue, then the nearest due date). */
export function boardColumns(items: readonly BoardItem[]): BoardColumn[] {
  return BOARD_STAGES.map((stage) => ({
    stage,
    items: items
      .filter((item) => item.stage === stage)
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b) || a.ticketNumber.localeCompare(b.ticketNumber)),
  }));
}
