import { isSaudiMobile, normalizePhoneNumber } from './phone-number.js';

describe('normalizePhoneNumber', () => {
  it.each([
    ['local with trunk 0', '0501234567'],
    ['local without trunk 0', '501234567'],
    ['country code without +', '966501234567'],
    ['00 international prefix', '00966501234567'],
    ['spaced international', '+966 50 123 4567'],
    ['Arabic-Indic digits', '٠٥٠١٢٣٤٥٦٧'],
    ['Extended Arabic-Indic digits', '۰۵۰۱۲۳۴۵۶۷'],
    ['Twilio WhatsApp address', 'whatsapp:+966501234567'],
    ['WhatsApp prefix, any case', 'WhatsApp:+966501234567'],
    ['tel: URI', 'tel:+966501234567'],
    ['RLM marks from an RTL UI', '+966 \u200F50\u200F 123 4567'],
    ['LRM and Arabic letter mark', '\u200E+966\u061C501234567\u200E'],
    ['dashes, parens, dots', '(050) 123-45.67'],
    ['NBSP and surrounding spaces', '  050\u00A0123\u00A04567 '],
    ['Arabic-Indic with + and spaces', '+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧'],
    ['country code followed by the trunk 0', '+966 050 123 4567'],
    ['00, country code and trunk 0', '009660501234567'],
  ])('%s: %j -> +966501234567', (_label, input) => {
    expect(normalizePhoneNumber(input)).toBe('+966501234567');
  });

  it.each([
    ['052 is not an allocated mobile range', '0521234567'],
    ['letters', 'abc'],
    ['too short', '123'],
    ['empty', ''],
    ['whitespace only', '   '],
    ['free text around a number', 'call 0501234567'],
    ['extension', '0501234567 ext 12'],
    ['lone plus', '+'],
    ['too long', '0'.repeat(100)],
    ['WhatsApp prefix with nothing after', 'whatsapp:'],
  ])('%s: %j -> null', (_label, input) => {
    expect(normalizePhoneNumber(input)).toBeNull();
  });

  it.each([
    ['US number stays E.164', '+14155552671', '+14155552671'],
    ['foreign number via 00', '00447400123456', '+447400123456'],
    ['Egyptian mobile with Arabic digits', '+٢٠١٠٠١٢٣٤٥٦٧', '+201001234567'],
    ['Riyadh landline', '011 123 4567', '+966111234567'],
    ['toll-free', '800 123 4567', '+9668001234567'],
  ])('%s: %j -> %j', (_label, input, expected) => {
    expect(normalizePhoneNumber(input)).toBe(expected);
  });

  it('uses defaultCountry for national-format input', () => {
    expect(normalizePhoneNumber('01001234567', 'EG')).toBe('+201001234567');
    // The same digits are not a valid Saudi number.
    expect(normalizePhoneNumber('01001234567')).toBeNull();
  });

  it('is idempotent on its own output', () => {
    expect(normalizePhoneNumber('+966501234567')).toBe('+966501234567');
  });
});

describe('isSaudiMobile', () => {
  it.each([
    ['+966501234567', true],
    ['+966511234567', true],
    ['+966531234567', true],
    ['+966551234567', true],
    ['+966581234567', true],
    ['+966591234567', true],
    ['+966570000000', true],
    ['+966521234567', false], // 052 unallocated
    ['+966579912345', false], // 5799… outside 579[0-8]
    ['+966111234567', false], // landline
    ['+9668001234567', false], // toll-free
    ['+14155552671', false], // foreign
    ['+971501234567', false], // UAE mobile, same local shape
    ['0501234567', false], // not E.164
    ['966501234567', false], // missing +
    ['', false],
  ])('%j -> %s', (input, expected) => {
    expect(isSaudiMobile(input)).toBe(expected);
  });

  it('accepts what normalizePhoneNumber produces', () => {
    const e164 = normalizePhoneNumber('٠٥٥ ١٢٣ ٤٥٦٧');
    expect(e164).toBe('+966551234567');
    expect(isSaudiMobile(e164 ?? '')).toBe(true);
  });
});
