/** Turnaround of committee studies per service type, from rows the report query reads. */
export interface TurnaroundRow {
  serviceType: string;
  serviceTypeName: string;
  status: string;
  firstHandedOffAt: Date | null;
  decidedAt: Date | null;
  dueAt: Date | null;
  /** Time spent waiting for information the committee asked for. */
  pausedSeconds: number;
}

export interface TurnaroundFigures {
  serviceType: string;
  serviceTypeName: string;
  /** Decided studies in the period. */
  decided: number;
  /** Study days from first hand-off to decision, waiting for information excluded. */
  avgDays: number | null;
  medianDays: number | null;
  /** Calendar days from first hand-off to decision, as the applicant lived them. */
  avgElapsedDays: number | null;
  /** Decided after their due date. */
  decidedLate: number;
  /** Still with the committee. */
  open: number;
  /** Still with the committee and past their due date. */
  overdue: number;
}

const DAY_MS = 86_400_000;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round1 = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function turnaround(rows: TurnaroundRow[], now: Date): TurnaroundFigures[] {
  const groups = new Map<string, TurnaroundRow[]>();
  for (const r of rows) groups.set(r.serviceType, [...(groups.get(r.serviceType) ?? []), r]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([serviceType, list]) => {
      const decided = list.filter((r) => r.status === 'decided' && r.decidedAt && r.firstHandedOffAt);
      const elapsed = decided.map((r) => (r.decidedAt!.getTime() - r.firstHandedOffAt!.getTime()) / DAY_MS);
      const study = decided.map((r, i) => Math.max(0, elapsed[i] - r.pausedSeconds / 86_400));
      const open = list.filter((r) => r.status === 'with_committee');
      return {
        serviceType,
        serviceTypeName: list[0].serviceTypeName,
        decided: decided.length,
        avgDays: round1(mean(study)),
        medianDays: round1(median(study)),
        avgElapsedDays: round1(mean(elapsed)),
        decidedLate: decided.filter((r) => r.dueAt && r.decidedAt!.getTime() > r.dueAt.getTime()).length,
        open: open.length,
        overdue: open.filter((r) => r.dueAt && now.getTime() > r.dueAt.getTime()).length,
      };
    });
}
