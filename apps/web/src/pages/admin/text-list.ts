/**
 * A list typed in one box ("إيجار، سكن" or one per line) as its items: split on Latin or Arabic
 * commas and new lines, trimmed, without empties or repeats, in the order typed.
 */
export function parseTextList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,،\n]/)) {
    const item = part.trim().replace(/\s+/g, ' ');
    if (item) seen.add(item);
  }
  return [...seen];
}

/** The items back in one box, with the separator of the interface language. */
export function joinTextList(items: readonly string[] | undefined, language: 'ar' | 'en'): string {
  return (items ?? []).join(language === 'ar' ? '، ' : ', ');
}
