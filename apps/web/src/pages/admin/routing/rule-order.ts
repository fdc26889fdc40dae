/** A rule's place in the order: the api applies rules by ascending `position`, the first match wins. */
export interface Positioned {
  id: string;
  position: number;
}

const STEP = 10;

/**
 * Moving one rule up or down the list: the new order, renumbered 10, 20, 30 … (so equal or
 * crowded positions never tie), and only the rules whose position changed, to PATCH.
 * Null when the move goes past either end.
 */
export function moveRule<T extends Positioned>(
  rules: readonly T[],
  id: string,
  direction: 'up' | 'down',
): { order: T[]; changes: { id: string; position: number }[] } | null {
  const sorted = [...rules].sort((a, b) => a.position - b.position);
  const from = sorted.findIndex((r) => r.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= sorted.length) return null;
  const order = [...sorted];
  [order[from], order[to]] = [order[to]!, order[from]!];
  const changes = order.map((r, i) => ({ id: r.id, position: (i + 1) * STEP })).filter((c, i) => order[i]!.position !== c.position);
  return { order: order.map((r, i) => ({ ...r, position: (i + 1) * STEP })), changes };
}
