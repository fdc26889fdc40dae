import { joinTextList, parseTextList } from './text-list';

describe('parseTextList', () => {
  it('splits Arabic and Latin commas and new lines, trimming and dropping empties and repeats', () => {
    expect(parseTextList('إيجار، سكن ,  كهرباء\n\nإيجار,')).toEqual(['إيجار', 'سكن', 'كهرباء']);
  });

  it('keeps phrases whole, with single spaces', () => {
    expect(parseTextList('فاتورة   الكهرباء، دعم')).toEqual(['فاتورة الكهرباء', 'دعم']);
  });

  it('gives nothing for blank text', () => {
    expect(parseTextList('  ، \n ')).toEqual([]);
  });

  it('joins back with the comma of the language, round-tripping', () => {
    expect(joinTextList(['إيجار', 'سكن'], 'ar')).toBe('إيجار، سكن');
    expect(parseTextList(joinTextList(['rent', 'housing'], 'en'))).toEqual(['rent', 'housing']);
    expect(joinTextList(undefined, 'ar')).toBe('');
  });
});
