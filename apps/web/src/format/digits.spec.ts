import { formatNumber, isDigitStyle, toArabicIndicDigits, toLatinDigits, withDigits } from './digits';

describe('digits', () => {
  it('maps Arabic-Indic and Extended Arabic-Indic digits to Latin, leaving other text alone', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toLatinDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toLatinDigits('تذكرة رقم ٤٢ - HD-٢٠٢٥')).toBe('تذكرة رقم 42 - HD-2025');
  });

  it('maps Latin (and Persian) digits to Arabic-Indic', () => {
    expect(toArabicIndicDigits('0123456789')).toBe('٠١٢٣٤٥٦٧٨٩');
    expect(toArabicIndicDigits('۱۲ and 34')).toBe('١٢ and ٣٤');
  });

  it('round-trips and rewrites by preference', () => {
    const text = 'HD-2025-00042';
    expect(toLatinDigits(toArabicIndicDigits(text))).toBe(text);
    expect(withDigits(text, 'arab')).toBe('HD-٢٠٢٥-٠٠٠٤٢');
    expect(withDigits('HD-٢٠٢٥', 'latn')).toBe('HD-2025');
  });

  it('formats numbers with the chosen numbering system', () => {
    expect(formatNumber(1234, 'ar', 'arab')).toBe('١٬٢٣٤');
    expect(formatNumber(1234, 'ar', 'latn')).toBe('1,234');
    expect(formatNumber(1234, 'en', 'latn')).toBe('1,234');
  });

  it('knows its two styles', () => {
    expect(isDigitStyle('arab')).toBe(true);
    expect(isDigitStyle('latn')).toBe(true);
    expect(isDigitStyle('hanidec')).toBe(false);
    expect(isDigitStyle(null)).toBe(false);
  });
});
