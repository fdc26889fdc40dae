import { recoverySubject, recoveryTrigger } from './survey-recovery-rule.js';

const policy = { maxScore: 2, keywords: ['إهمال', 'لم يرد', 'شكوى', 'rude'] };

describe('the service-recovery rule', () => {
  it('opens a follow-up for a score of 1 or 2, not 3 to 5', () => {
    expect(recoveryTrigger({ score: 1 }, policy)).toEqual({ lowScore: true, keywords: [] });
    expect(recoveryTrigger({ score: 2, comment: 'شكرا' }, policy)).toEqual({ lowScore: true, keywords: [] });
    for (const score of [3, 4, 5]) expect(recoveryTrigger({ score, comment: 'خدمة ممتازة' }, policy)).toBeNull();
  });

  it('opens one for a keyword in the comment whatever the score, matched Arabic-normalised', () => {
    expect(recoveryTrigger({ score: 5, comment: 'الموظف تعامل باهمال' }, policy)).toEqual({ lowScore: false, keywords: ['إهمال'] });
    expect(recoveryTrigger({ score: 4, comment: 'فيه إِهْمَالٌ واضح' }, policy)).toEqual({ lowScore: false, keywords: ['إهمال'] });
    expect(recoveryTrigger({ score: 4, comment: 'لم يـرد أحد على اتصالي، وسأقدم شكوي' }, policy)).toEqual({
      lowScore: false,
      keywords: ['لم يرد', 'شكوى'],
    });
    expect(recoveryTrigger({ score: 3, comment: 'The clerk was RUDE' }, policy)).toEqual({ lowScore: false, keywords: ['rude'] });
  });

  it('reports both reasons together', () => {
    expect(recoveryTrigger({ score: 1, comment: 'إهمال' }, policy)).toEqual({ lowScore: true, keywords: ['إهمال'] });
  });

  it('can rely on keywords only, and ignores empty keywords', () => {
    expect(recoveryTrigger({ score: 1 }, { maxScore: 0, keywords: [] })).toBeNull();
    expect(recoveryTrigger({ score: 5, comment: 'ممتاز' }, { maxScore: 0, keywords: ['', '  ', 'ـ'] })).toBeNull();
  });

  it('names the follow-up after the original ticket', () => {
    expect(recoverySubject('1448-000012')).toBe('متابعة تقييم منخفض — 1448-000012');
  });
});
