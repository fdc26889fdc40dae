/** A rule's place in the order: the api applies rules by ascending `position`, the first match wins. */
export interface Positioned {
  id: string;
  position: number;
}

const STEP = 10;

/**
 * Moving one rule up or down the list: the new order, renumbered 10, 20, 30 … as the api numbers
 * it (shown at once, before the api answers). Its ids, in order, are the body of
 * `PUT /routing-rules/order`, which reorders every rule in one go. Null when the move goes past either end.
 */
export function moveRule<T extends Positioned>(rules: readonly T[], id: string, direction: 'up' | 'down'): T[] | null {
  const sorted = [...rules].sort((a, b) => a.position - b.position);
  const from = sorted.findIndex((r) => r.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= sorted.length) return null;
  [sorted[from], sorted[to]] = [sorted[to]!, sorted[from]!];
  return sorted.map((r, i) => ({ ...r, position: (i + 1) * STEP }));
}
