import { toLatinDigits } from '../../format/digits';

/** A number typed with Latin or Arabic-Indic digits (and an Arabic decimal separator); null when it is not one. */
export function parseTypedNumber(text: string): number | null {
  const latin = toLatinDigits(text.trim()).replace('٫', '.');
  if (!/^\d+(\.\d+)?$/.test(latin)) return null;
  return Number(latin);
}
