import type { KeyValueStorage } from '../i18n/language';
import { DEFAULT_DIGITS, DIGITS_STORAGE_KEY, type DigitStyle, isDigitStyle } from './digits';

export function readDigits(storage: KeyValueStorage | undefined): DigitStyle {
  try {
    const stored = storage?.getItem(DIGITS_STORAGE_KEY);
    return isDigitStyle(stored) ? stored : DEFAULT_DIGITS;
  } catch {
    return DEFAULT_DIGITS;
  }
}

export function writeDigits(storage: KeyValueStorage | undefined, digits: DigitStyle): void {
  try {
    storage?.setItem(DIGITS_STORAGE_KEY, digits);
  } catch {
    // not remembered; applies to this page only
  }
}

export function localStorageOrUndefined(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
