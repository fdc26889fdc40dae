import type { BoardItem } from '../help-requests/help-request-api';
import { boardColumns } from './board-columns';

const card = (ticketNumber: string, over: Partial<BoardItem> = {}): BoardItem => ({
  helpRequestId: ticketNumber,
  ticketId: ticketNumber,
  ticketNumber,
  applicant: { id: 'c', name: 'نورة', beneficiaryFileNumber: null },
  serviceType: { code: 'rent', nameAr: 'إيجار', nameEn: 'Rent' },
  stage: 'new',
  round: 1,
  status: 'with_committee',
  awaitingInfo: false,
  placedAt: '2026-01-01T00:00:00Z',
  dueAt: '2026-01-20T00:00:00Z',
  overdue: false,
  daysLeft: 5,
  overdueRemindedAt: null,
  ...over,
});

describe('the committee board columns', () => {
  it('has a column for every stage, in order, even when empty', () => {
    expect(boardColumns([]).map((c) => c.stage)).toEqual(['new', 'under_study', 'field_visit', 'ready_for_decision', 'decided']);
  });

  it('puts each card in its stage, overdue studies first, then the nearest due date', () => {
    const columns = boardColumns([
      card('1447-000003', { dueAt: '2026-01-25T00:00:00Z' }),
      card('1447-000001', { dueAt: '2026-01-22T00:00:00Z' }),
      card('1447-000002', { dueAt: '2026-01-30T00:00:00Z', overdue: true }),
      card('1447-000004', { stage: 'decided', dueAt: null }),
    ]);
    expect(columns[0]!.items.map((i) => i.ticketNumber)).toEqual(['1447-000002', '1447-000001', '1447-000003']);
    expect(columns[4]!.items.map((i) => i.ticketNumber)).toEqual(['1447-000004']);
  });
});
