import { addCounts, surveyFigures } from './survey-figures.js';

describe('survey figures', () => {
  it('computes response rate, CSAT (share of 4–5 among answers) and the average', () => {
    // 3 sent, answers 5 and 3.
    expect(surveyFigures({ sent: 3, answered: 2, satisfied: 1, scoreSum: 8 })).toEqual({
      sent: 3,
      answered: 2,
      responseRate: 66.7,
      csat: 50,
      averageScore: 4,
    });
    // 4 answers: 5, 4, 2, 1.
    expect(surveyFigures({ sent: 4, answered: 4, satisfied: 2, scoreSum: 12 })).toEqual({
      sent: 4,
      answered: 4,
      responseRate: 100,
      csat: 50,
      averageScore: 3,
    });
    // 3 answers: 4, 4, 5.
    expect(surveyFigures({ sent: 7, answered: 3, satisfied: 3, scoreSum: 13 })).toEqual({
      sent: 7,
      answered: 3,
      responseRate: 42.9,
      csat: 100,
      averageScore: 4.33,
    });
  });

  it('has no rates to show without invitations or answers (never a division by zero)', () => {
    expect(surveyFigures({ sent: 0, answered: 0, satisfied: 0, scoreSum: 0 })).toEqual({
      sent: 0,
      answered: 0,
      responseRate: null,
      csat: null,
      averageScore: null,
    });
    expect(surveyFigures({ sent: 5, answered: 0, satisfied: 0, scoreSum: 0 })).toEqual({
      sent: 5,
      answered: 0,
      responseRate: 0,
      csat: null,
      averageScore: null,
    });
  });

  it('rounds halves up', () => {
    expect(surveyFigures({ sent: 8, answered: 1, satisfied: 0, scoreSum: 1 }).responseRate).toBe(12.5);
    expect(surveyFigures({ sent: 200, answered: 1, satisfied: 0, scoreSum: 1 }).responseRate).toBe(0.5);
    expect(surveyFigures({ sent: 8, answered: 8, satisfied: 0, scoreSum: 17 }).averageScore).toBe(2.13);
  });

  it('adds groups into totals', () => {
    expect(addCounts({ sent: 1, answered: 1, satisfied: 1, scoreSum: 5 }, { sent: 2, answered: 1, satisfied: 0, scoreSum: 2 })).toEqual({
      sent: 3,
      answered: 2,
      satisfied: 1,
      scoreSum: 7,
    });
  });
});
