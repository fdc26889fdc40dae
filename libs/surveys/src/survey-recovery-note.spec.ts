import { recoveryNote } from './survey-recovery.service.js';
import { DEFAULT_SURVEY_QUESTIONS } from './survey-questions.js';

describe('the recovery ticket’s internal note', () => {
  it('quotes the rating, the short answers and the comment', () => {
    const note = recoveryNote(
      '1448-000012',
      { score: 2, answers: { speed: 1, resolved: false }, comment: 'لم يرد أحد' },
      { lowScore: true, keywords: ['لم يرد'] },
      DEFAULT_SURVEY_QUESTIONS,
    );
    expect(note.split('\n')).toEqual([
      'تقييم المستفيد للطلب 1448-000012: 2 من 5.',
      'سبب المتابعة: تقييم منخفض / كلمات في التعليق: لم يرد.',
      '- سرعة الاستجابة لطلبك: 1 من 5',
      '- هل حُلّت المسألة التي تواصلت بشأنها؟: لا',
      'تعليق المستفيد: «لم يرد أحد»',
      'الغرض من هذه المتابعة معالجة تجربة المستفيد وتحسين الخدمة.',
    ]);
  });

  it('says so when there is no comment', () => {
    expect(recoveryNote('1', { score: 1, answers: {}, comment: null }, { lowScore: true, keywords: [] }, [])).toContain('لم يكتب المستفيد تعليقًا.');
  });
});
