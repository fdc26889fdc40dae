/** Escapes LIKE wildcards so a user's `%`, `_` or `\` matches itself. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A `%…%` pattern that finds `needle` anywhere. */
export function containsPattern(needle: string): string {
  return `%${escapeLike(needle)}%`;
}
