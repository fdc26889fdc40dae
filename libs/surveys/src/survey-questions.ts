import { DomainError } from '@app/common';

/** A short extra question: a 1–5 scale or a yes/no. */
export const SURVEY_QUESTION_KINDS = ['scale', 'yes_no'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

export interface SurveyQuestion {
  /** Stable key the answers are stored under, e.g. `speed`. */
  key: string;
  kind: SurveyQuestionKind;
  label: { ar: string; en: string };
}

export type SurveyAnswers = Record<string, number | boolean>;

export const MAX_SURVEY_COMMENT_LENGTH = 2000;
export const QUESTION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const DEFAULT_SURVEY_QUESTIONS: SurveyQuestion[] = [
  { key: 'speed', kind: 'scale', label: { ar: 'سرعة الاستجابة لطلبك', en: 'How quickly we responded' } },
  { key: 'courtesy', kind: 'scale', label: { ar: 'لباقة الموظف وحسن تعامله', en: 'Courtesy of our staff' } },
  { key: 'resolved', kind: 'yes_no', label: { ar: 'هل حُلّت المسألة التي تواصلت بشأنها؟', en: 'Was your matter resolved?' } },
];

/**
 * Checks the answers against the configured questions: every key must be a question, a scale
 * answer a whole number 1–5, a yes/no answer true or false. Unanswered questions are allowed.
 * Throws a 400 naming the field.
 */
export function validateSurveyAnswers(questions: readonly SurveyQuestion[], answers: Record<string, unknown> | undefined): SurveyAnswers {
  const out: SurveyAnswers = {};
  if (answers === undefined || answers === null) return out;
  if (typeof answers !== 'object' || Array.isArray(answers)) throw new DomainError('invalid_input', 'answers must be an object of question keys');
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const [key, value] of Object.entries(answers)) {
    const question = byKey.get(key);
    if (!question) throw new DomainError('invalid_input', `answers.${key} is not a question of this survey`);
    if (value === null || value === undefined) continue;
    if (question.kind === 'scale') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
        throw new DomainError('invalid_input', `answers.${key} must be a whole number from 1 to 5`);
    } else if (typeof value !== 'boolean') {
      throw new DomainError('invalid_input', `answers.${key} must be true or false`);
    }
    out[key] = value;
  }
  return out;
}

/** Checks an admin's question list: unique keys, known kinds, both labels. Throws a 400 naming the field. */
export function validateSurveyQuestions(questions: readonly SurveyQuestion[]): SurveyQuestion[] {
  const seen = new Set<string>();
  return questions.map((q, i) => {
    if (!QUESTION_KEY_PATTERN.test(q.key))
      throw new DomainError('invalid_input', `questions.${i}.key must be lower-case letters, digits or _ and start with a letter`);
    if (seen.has(q.key)) throw new DomainError('invalid_input', `questions.${i}.key ${q.key} is used twice`);
    seen.add(q.key);
    if (!SURVEY_QUESTION_KINDS.includes(q.kind)) throw new DomainError('invalid_input', `questions.${i}.kind must be scale or yes_no`);
    const ar = q.label?.ar?.trim();
    const en = q.label?.en?.trim();
    if (!ar || !en) throw new DomainError('invalid_input', `questions.${i}.label needs both ar and en`);
    return { key: q.key, kind: q.kind, label: { ar: ar.slice(0, 200), en: en.slice(0, 200) } };
  });
}
