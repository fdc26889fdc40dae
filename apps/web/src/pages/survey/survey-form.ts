import { ApiError } from '../../api/api-error';

/** The overall score and scale questions: 1 very dissatisfied … 5 very satisfied. */
export const SCALE = [1, 2, 3, 4, 5] as const;

/** A survey the page cannot show a form for: the api's 404, 409 and 410. */
export type ClosedSurvey = 'unknown' | 'answered' | 'expired';

export function closedSurveyOf(error: unknown): ClosedSurvey | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return 'unknown';
  if (error.status === 409) return 'answered';
  if (error.status === 410) return 'expired';
  return null;
}

export interface SurveyDraft {
  score: number | null;
  answers: Record<string, number | boolean>;
  comment: string;
}

export const EMPTY_DRAFT: SurveyDraft = { score: null, answers: {}, comment: '' };

export interface DraftProblems {
  score?: 'required';
  comment?: 'too_long';
}

export function draftProblems(draft: SurveyDraft, maxCommentLength: number): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.score === null) problems.score = 'required';
  if (draft.comment.trim().length > maxCommentLength) problems.comment = 'too_long';
  return problems;
}

/** The body of `POST /api/v1/surveys/{token}`: unanswered questions and an empty comment are left out. */
export function answerBody(draft: SurveyDraft & { score: number }): { score: number; answers: Record<string, number | boolean>; comment?: string } {
  const comment = draft.comment.trim();
  return { score: draft.score, answers: { ...draft.answers }, ...(comment ? { comment } : {}) };
}
