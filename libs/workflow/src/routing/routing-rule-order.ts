/** Gap between positions after a reorder, so a rule created later can still be placed between two. */
export const POSITION_STEP = 10;

/**
 * What is wrong with a new order of the routing rules: it must name every existing rule exactly
 * once. Null when it does; otherwise one sentence naming the unknown, repeated and missing ids.
 */
export function ruleOrderProblem(existing: readonly string[], order: readonly string[]): string | null {
  const known = new Set(existing);
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of order) (seen.has(id) ? repeated : seen).add(id);
  const unknown = [...seen].filter((id) => !known.has(id));
  const missing = existing.filter((id) => !seen.has(id));
  const parts = [
    unknown.length ? `not a routing rule: ${unknown.join(', ')}` : '',
    repeated.size ? `listed more than once: ${[...repeated].join(', ')}` : '',
    missing.length ? `missing: ${missing.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? `ids must list every routing rule exactly once (${parts.join('; ')})` : null;
}
