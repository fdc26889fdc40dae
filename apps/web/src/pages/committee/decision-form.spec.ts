import { decisionBody, emptyDecision } from './decision-form';

describe('the committee decision form', () => {
  it('sends an approval with its amount, duration and items, read from any digits', () => {
    expect(
      decisionBody({ ...emptyDecision(), amountSar: '١٬٥٠٠', durationMonths: '3', items: 'سلة غذائية\n\n كسوة العيد ', notes: ' بالإجماع ' }),
    ).toEqual({ outcome: 'approved', amountSar: 1500, durationMonths: 3, items: ['سلة غذائية', 'كسوة العيد'], notes: 'بالإجماع' });
  });

  it('sends a rejection with its reason only, even when an amount was typed before switching', () => {
    expect(decisionBody({ ...emptyDecision(), outcome: 'rejected', amountSar: '900', reason: ' الدخل أعلى من الحد ' })).toEqual({
      outcome: 'rejected',
      reason: 'الدخل أعلى من الحد',
    });
  });

  it('sends what information is needed for "more information"', () => {
    expect(decisionBody({ ...emptyDecision(), outcome: 'more_info', infoNeeded: 'صورة عقد الإيجار' })).toEqual({
      outcome: 'more_info',
      infoNeeded: 'صورة عقد الإيجار',
    });
  });
});
