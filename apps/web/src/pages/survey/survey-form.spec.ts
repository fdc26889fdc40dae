import { ApiError } from '../../api/api-error';
import { answerBody, closedSurveyOf, draftProblems, EMPTY_DRAFT } from './survey-form';

describe('the survey page’s form logic', () => {
  it('tells the closed states apart by the api’s status', () => {
    expect(closedSurveyOf(new ApiError(404, 'Not Found', 'x'))).toBe('unknown');
    expect(closedSurveyOf(new ApiError(409, 'Conflict', 'x'))).toBe('answered');
    expect(closedSurveyOf(new ApiError(410, 'Gone', 'x'))).toBe('expired');
    expect(closedSurveyOf(new ApiError(500, 'Internal Server Error', 'x'))).toBeNull();
    expect(closedSurveyOf(new ApiError(0, 'Network Error', 'x'))).toBeNull();
    expect(closedSurveyOf(new Error('x'))).toBeNull();
  });

  it('needs the overall score, and a comment within the limit', () => {
    expect(draftProblems(EMPTY_DRAFT, 2000)).toEqual({ score: 'required' });
    expect(draftProblems({ ...EMPTY_DRAFT, score: 3 }, 2000)).toEqual({});
    expect(draftProblems({ ...EMPTY_DRAFT, score: 3, comment: 'x'.repeat(11) }, 10)).toEqual({ comment: 'too_long' });
    expect(draftProblems({ ...EMPTY_DRAFT, score: 3, comment: `  ${'x'.repeat(10)}  ` }, 10)).toEqual({});
  });

  it('sends only what was answered', () => {
    expect(answerBody({ score: 4, answers: { speed: 5, resolved: false }, comment: '  شكرًا  ' })).toEqual({
      score: 4,
      answers: { speed: 5, resolved: false },
      comment: 'شكرًا',
    });
    expect(answerBody({ score: 1, answers: {}, comment: '   ' })).toEqual({ score: 1, answers: {} });
  });
});
