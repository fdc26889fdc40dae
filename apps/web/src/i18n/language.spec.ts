import { ar } from './ar';
import { en } from './en';
import { directionOf, otherLanguage, readLanguage, writeLanguage } from './language';

function memory(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('interface language', () => {
  it('is Arabic and right-to-left by default, English left-to-right', () => {
    expect(readLanguage(memory())).toBe('ar');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
    expect(otherLanguage('ar')).toBe('en');
  });

  it('is remembered, and ignores junk', () => {
    const storage = memory();
    writeLanguage(storage, 'en');
    expect(readLanguage(storage)).toBe('en');
    expect(readLanguage(memory({ 'hd.language': 'fr' }))).toBe('ar');
    expect(readLanguage(undefined)).toBe('ar');
  });

  it('has every Arabic message in English too, and no empty text', () => {
    expect(keys(en).sort()).toEqual(keys(ar).sort());
    for (const key of keys(ar)) expect(key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], ar)).not.toBe('');
  });
});
