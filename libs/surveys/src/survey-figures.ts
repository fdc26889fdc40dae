/** Raw counts of one group of invitations. */
export interface SurveyCounts {
  sent: number;
  answered: number;
  /** Answers scoring 4 or 5. */
  satisfied: number;
  /** Sum of the overall scores of the answers. */
  scoreSum: number;
}

export interface SurveyFigures {
  sent: number;
  answered: number;
  /** Answered ÷ sent, in percent with one decimal; null when nothing was sent. */
  responseRate: number | null;
  /** CSAT: share of answers scoring 4 or 5, in percent with one decimal; null without answers. */
  csat: number | null;
  /** Mean overall score (1–5), two decimals; null without answers. */
  averageScore: number | null;
}

const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f + Number.EPSILON * f) / f;
};

export function surveyFigures(counts: SurveyCounts): SurveyFigures {
  const { sent, answered, satisfied, scoreSum } = counts;
  return {
    sent,
    answered,
    responseRate: sent > 0 ? round((answered / sent) * 100, 1) : null,
    csat: answered > 0 ? round((satisfied / answered) * 100, 1) : null,
    averageScore: answered > 0 ? round(scoreSum / answered, 2) : null,
  };
}

export function addCounts(a: SurveyCounts, b: SurveyCounts): SurveyCounts {
  return { sent: a.sent + b.sent, answered: a.answered + b.answered, satisfied: a.satisfied + b.satisfied, scoreSum: a.scoreSum + b.scoreSum };
}
