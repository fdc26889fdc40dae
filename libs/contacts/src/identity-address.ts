import { normalizeEmailAddress, normalizePhoneNumber, toLatinDigits } from '@app/common';
import type { IdentityKind } from './contact-kinds.js';

/**
 * The canonical form of an address, so the same person is found whatever way the number
 * or e-mail was written (and `whatsapp:+9665…` is the same phone as the SMS sender). Null when invalid.
 */
export function normalizeIdentityAddress(kind: IdentityKind, raw: string): string | null {
  switch (kind) {
    case 'phone':
      return normalizePhoneNumber(raw);
    case 'email':
      return normalizeEmailAddress(raw);
    case 'facebook':
    case 'instagram': {
      const id = toLatinDigits(raw.trim());
      return /^\d{5,30}$/.test(id) ? id : null;
    }
  }
}
