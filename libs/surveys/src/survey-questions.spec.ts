import { DomainError } from '@app/common';
import { DEFAULT_SURVEY_QUESTIONS, validateSurveyAnswers, validateSurveyQuestions } from './survey-questions.js';

const fails = (fn: () => unknown, field: string) => {
  expect(fn).toThrow(DomainError);
  expect(fn).toThrow(new RegExp(field.replace('.', '\\.')));
};

describe('survey answers', () => {
  it('accepts scale answers 1–5 and yes/no answers, and unanswered questions', () => {
    expect(validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { speed: 5, courtesy: 1, resolved: false })).toEqual({
      speed: 5,
      courtesy: 1,
      resolved: false,
    });
    expect(validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { resolved: true })).toEqual({ resolved: true });
    expect(validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, undefined)).toEqual({});
    expect(validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { speed: null })).toEqual({});
  });

  it('refuses unknown questions and wrong values, naming the field', () => {
    fails(() => validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { mood: 3 }), 'answers.mood');
    fails(() => validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { speed: 6 }), 'answers.speed');
    fails(() => validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { speed: 2.5 }), 'answers.speed');
    fails(() => validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { speed: '4' }), 'answers.speed');
    fails(() => validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, { resolved: 'yes' }), 'answers.resolved');
    fails(() => validateSurveyAnswers(DEFAULT_SURVEY_QUESTIONS, [] as unknown as Record<string, unknown>), 'answers');
  });
});

describe('survey questions (admin settings)', () => {
  it('keeps valid questions and trims labels', () => {
    expect(validateSurveyQuestions([{ key: 'waiting_time', kind: 'scale', label: { ar: ' مدة الانتظار ', en: 'Waiting time' } }])).toEqual([
      { key: 'waiting_time', kind: 'scale', label: { ar: 'مدة الانتظار', en: 'Waiting time' } },
    ]);
  });

  it('refuses bad keys, duplicates, unknown kinds and missing labels', () => {
    fails(() => validateSurveyQuestions([{ key: 'Speed', kind: 'scale', label: { ar: 'x', en: 'x' } }]), 'questions.0.key');
    fails(
      () =>
        validateSurveyQuestions([
          { key: 'a', kind: 'scale', label: { ar: 'x', en: 'x' } },
          { key: 'a', kind: 'yes_no', label: { ar: 'x', en: 'x' } },
        ]),
      'questions.1.key',
    );
    fails(() => validateSurveyQuestions([{ key: 'a', kind: 'stars' as 'scale', label: { ar: 'x', en: 'x' } }]), 'questions.0.kind');
    fails(() => validateSurveyQuestions([{ key: 'a', kind: 'scale', label: { ar: '', en: 'x' } }]), 'questions.0.label');
  });
});
