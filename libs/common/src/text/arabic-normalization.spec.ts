import { normalizeSearchText } from './arabic-normalization.js';

describe('normalizeSearchText', () => {
  it.each([
    // Verified vectors from REFERENCE §5.1
    ['harakat', 'أَحْمَدُ', 'احمد'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['tatweel and teh marbuta', 'جمعيــة', 'جمعيه'],
    ['Arabic-Indic and Extended digits', '١٢٣٤ ۵۶', '1234 56'],
    ['lam-alef presentation form (NFKC)', 'ﻻ', 'لا'],
    // Each rule in isolation
    ['hamza below', 'إبراهيم', 'ابراهيم'],
    ['madda', 'آمنة', 'امنه'],
    ['alef maksura', 'مصطفى', 'مصطفي'],
    ['shadda', 'محمّد', 'محمد'],
    ['tanween', 'شكراً', 'شكرا'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['Quranic honorific mark', 'محمد ﷺ', 'محمد صلي الله عليه وسلم'],
    ['presentation form with hamza', '\uFEF7', 'لا'],
    ['decomposed alef + hamza above composes, then folds', '\u0627\u0654حمد', 'احمد'],
    ['Hijri era sign (heh + tatweel)', '١٤٤٦ هـ', '1446 ه'],
    // Mixed scripts and case
    ['mixed Arabic/English case-folded', 'طلب Support من MOHAMMED', 'طلب support من mohammed'],
    ['fullwidth Latin via NFKC', 'ＡＢＣ１２', 'abc12'],
    ['Latin accents are kept (only Arabic marks are dropped)', 'José', 'josé'],
    // Invisible characters
    ['RTL/LTR overrides removed', '\u202Eمحمد\u202C \u202Dabc\u202C', 'محمد abc'],
    ['isolates and marks removed', '\u2067أحمد\u2069\u200F \u061C٥٠', 'احمد 50'],
    ['zero-width joiner inside a word', 'مح\u200Dمد', 'محمد'],
    // Whitespace
    ['whitespace collapsed and trimmed', '  طلب\t\n مساعدة\u00A0\u3000 ', 'طلب مساعده'],
    ['only marks and spaces', ' \u064E\u0640\u200F ', ''],
    ['empty', '', ''],
  ])('%s: %j -> %j', (_label, input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('makes spelling variants of the same name collide', () => {
    const variants = ['أحمد', 'احمد', 'إحمد', 'أَحْمَد', 'احـــمد', '\u200Fأحمد\u200F'];
    expect(new Set(variants.map(normalizeSearchText))).toEqual(new Set(['احمد']));
  });

  it('recomposes Latin letters split by a removed mark', () => {
    // U+06DD is a starter, so it blocks composition in NFKC until it is dropped.
    expect(normalizeSearchText('e\u06DD\u0301')).toBe('é');
    expect(normalizeSearchText('e\u200B\u0301')).toBe('é');
  });

  describe('idempotence', () => {
    it.each(['أَحْمَدُ', 'ٱلله', 'جمعيــة', '١٢٣٤ ۵۶', 'ﻻ ﻷ', 'MiXeD عربي English ١٢', '\u202Eabc\u202C', 'e\u06DD\u0301', 'İstanbul ẞ ﬁ'])(
      'normalize(normalize(%j)) === normalize(%j)',
      (input) => {
        const once = normalizeSearchText(input);
        expect(normalizeSearchText(once)).toBe(once);
      },
    );

    it('holds for pseudo-random strings built from the tricky characters', () => {
      // Deterministic LCG so failures are reproducible.
      let seed = 0x2f6b1d;
      const next = (): number => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return seed;
      };
      const alphabet = [
        ...'اأإآٱءؤئبةتهىيلمحدعصE eIiİß',
        '\u064B',
        '\u064E',
        '\u0651',
        '\u0652',
        '\u0653',
        '\u0654',
        '\u0655',
        '\u0670',
        '\u0610',
        '\u06D6',
        '\u06DD',
        '\u06E5',
        '\u0640',
        '\u0301',
        '\u0308',
        '\u200B',
        '\u200C',
        '\u200D',
        '\u200E',
        '\u200F',
        '\u061C',
        '\u202E',
        '\u2067',
        '\u2069',
        '\u00A0',
        '\t',
        '٣',
        '۴',
        '7',
        'ﻻ',
        'ﻷ',
        'ﺃ',
        'ﷲ',
        'ﬁ',
        'Ａ',
        '①',
      ];
      for (let i = 0; i < 2000; i++) {
        const len = next() % 12;
        let s = '';
        for (let j = 0; j < len; j++) s += alphabet[next() % alphabet.length];
        const once = normalizeSearchText(s);
        expect([s, normalizeSearchText(once)]).toEqual([s, once]);
      }
    });
  });
});
