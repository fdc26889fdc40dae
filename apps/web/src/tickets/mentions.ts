/**
 * @mentions in internal notes: picking a colleague inserts `@Name` into the note; when a note is
 * shown, every `@Name` of a known staff member is highlighted. Names may contain spaces (Arabic
 * names usually do), so the longest known name that follows an `@` wins.
 */
export interface MentionSegment {
  text: string;
  /** The staff member's id when this segment is a mention. */
  userId?: string;
}

export interface Mentionable {
  id: string;
  name: string;
}

export function splitMentions(text: string, people: readonly Mentionable[]): MentionSegment[] {
  const byLength = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const segments: MentionSegment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '@') {
      const rest = text.slice(i + 1);
      const person = byLength.find((p) => rest.startsWith(p.name) && !isNameChar(rest.charAt(p.name.length)));
      if (person) {
        if (plain) segments.push({ text: plain });
        plain = '';
        segments.push({ text: `@${person.name}`, userId: person.id });
        i += 1 + person.name.length;
        continue;
      }
    }
    plain += text[i];
    i += 1;
  }
  if (plain) segments.push({ text: plain });
  return segments;
}

/** Letters and digits of any script continue a name; spaces and punctuation end it. */
function isNameChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{N}_]/u.test(ch);
}

export function mentionedIds(text: string, people: readonly Mentionable[]): string[] {
  return [...new Set(splitMentions(text, people).flatMap((s) => (s.userId ? [s.userId] : [])))];
}

/** Inserts `@Name ` at the caret (replacing a typed `@partial` right before it); returns the text and the new caret. */
export function insertMention(text: string, caret: number, name: string): { text: string; caret: number } {
  const before = text.slice(0, caret);
  const after = text.slice(caret);
  const partial = /@[^\s@]*$/.exec(before);
  const head = partial ? before.slice(0, partial.index) : before;
  const spacer = head && !/\s$/.test(head) ? ' ' : '';
  const inserted = `${spacer}@${name} `;
  return { text: `${head}${inserted}${after}`, caret: head.length + inserted.length };
}
