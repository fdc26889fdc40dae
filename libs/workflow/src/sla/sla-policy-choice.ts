export interface SlaPolicySpec {
  id: string;
  priority: string | null;
  ticketType: string | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  escalationStepMinutes: number;
}

/** The most specific active policy: priority and type > priority > type > the default (neither). */
export function choosePolicy(policies: SlaPolicySpec[], priority: string, ticketType: string): SlaPolicySpec | null {
  const score = (p: SlaPolicySpec): number => {
    if (p.priority !== null && p.priority !== priority) return -1;
    if (p.ticketType !== null && p.ticketType !== ticketType) return -1;
    return (p.priority !== null ? 2 : 0) + (p.ticketType !== null ? 1 : 0);
  };
  return (
    policies
      .map((p) => ({ p, s: score(p) }))
      .filter((x) => x.s >= 0)
      .sort((a, b) => b.s - a.s)[0]?.p ?? null
  );
}

/** Warnings fire at this share of each target. */
export const SLA_WARNING_SHARE = 0.8;
