import { countSms, smsEncoding } from './sms-segments';

describe('SMS segment counting', () => {
  it('counts Latin text as GSM-7: 160 in one message, 153 per part beyond', () => {
    expect(countSms('')).toMatchObject({ encoding: 'GSM-7', segments: 0 });
    expect(countSms('Hello')).toEqual({ encoding: 'GSM-7', units: 5, segments: 1, perSegment: 160, remaining: 155 });
    expect(countSms('a'.repeat(160))).toMatchObject({ segments: 1, remaining: 0 });
    expect(countSms('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2, perSegment: 153, remaining: 145 });
    expect(countSms('a'.repeat(306)).segments).toBe(2);
    expect(countSms('a'.repeat(307)).segments).toBe(3);
  });

  it('counts the GSM-7 extension characters twice', () => {
    expect(countSms('{}').units).toBe(4);
    expect(countSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSms('€'.repeat(81)).segments).toBe(2);
  });

  it('counts Arabic as UCS-2: 70 in one message, 67 per part beyond', () => {
    expect(smsEncoding('مرحبا')).toBe('UCS-2');
    expect(countSms('ش'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1, perSegment: 70, remaining: 0 });
    expect(countSms('ش'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2, perSegment: 67, remaining: 63 });
    expect(countSms('ش'.repeat(134)).segments).toBe(2);
    expect(countSms('ش'.repeat(135)).segments).toBe(3);
  });

  it('turns a whole Latin message into UCS-2 for one Arabic letter, Arabic-Indic digit or emoji', () => {
    expect(countSms(`${'a'.repeat(100)}ب`)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(smsEncoding('رقم ١٢٣')).toBe('UCS-2');
    expect(countSms('👍')).toMatchObject({ encoding: 'UCS-2', units: 2 });
  });
});
