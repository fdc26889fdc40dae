import { normalizeSearchText } from '@app/common';

export interface RecoveryPolicy {
  /** Scores at or below this open a recovery task (default 2: "1 or 2"). 0 turns the score rule off. */
  maxScore: number;
  /** Words or phrases that open a recovery task whatever the score, matched Arabic-normalised. */
  keywords: readonly string[];
}

export interface RecoveryTrigger {
  lowScore: boolean;
  /** The configured keywords found in the comment, as the admin wrote them. */
  keywords: string[];
}

/**
 * Service recovery: a low score, or a comment with one of the keywords (alef forms, ta marbuta,
 * alef maqsura, diacritics, tatweel and digits normalised on both sides, so "إهمال", "اهمال" and
 * "بالإهْمَال" all match). Null when no follow-up is needed.
 */
export function recoveryTrigger(answer: { score: number; comment?: string | null }, policy: RecoveryPolicy): RecoveryTrigger | null {
  const lowScore = policy.maxScore > 0 && answer.score <= policy.maxScore;
  const text = answer.comment ? normalizeSearchText(answer.comment) : '';
  const keywords = text
    ? policy.keywords.filter((k) => {
        const needle = normalizeSearchText(k);
        return needle.length > 0 && text.includes(needle);
      })
    : [];
  return lowScore || keywords.length ? { lowScore, keywords } : null;
}

export function recoverySubject(ticketNumber: string): string {
  return `متابعة تقييم منخفض — ${ticketNumber}`;
}
