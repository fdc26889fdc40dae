import { Inject, Injectable } from '@nestjs/common';
import { AUTH_SECRET, deriveKey, DomainError, maskNationalId, NationalIdCipher, validateNationalId } from '@app/common';

const ID_REASON = {
  format: 'must be 10 digits',
  prefix: 'must start with 1 (citizen) or 2 (resident)',
  check_digit: 'has a wrong check digit',
} as const;

/**
 * National IDs of household members are kept like the applicant's on the contact: encrypted,
 * with a keyed hash for comparisons and a masked form for display. Also holds the key for
 * one-time-code hashes, derived from the same application secret for its own purpose.
 */
@Injectable()
export class NationalIdVault {
  private readonly cipher: NationalIdCipher;
  readonly otpKey: Buffer;

  constructor(@Inject(AUTH_SECRET) secret: string) {
    this.cipher = new NationalIdCipher(secret);
    this.otpKey = deriveKey(secret, 'help-request/declaration-code/v1');
  }

  /** The canonical 10 digits, or a 400 naming the field. */
  canonical(raw: string, field: string): string {
    const v = validateNationalId(raw);
    if (!v.valid) throw new DomainError('invalid_input', `${field} ${ID_REASON[v.reason]}`, { fields: [field] });
    return v.value;
  }

  protect(raw: string, field: string): { nationalIdEncrypted: string; nationalIdHash: string; nationalIdMasked: string } {
    const value = this.canonical(raw, field);
    return {
      nationalIdEncrypted: this.cipher.encrypt(value),
      nationalIdHash: this.cipher.lookupHash(value),
      nationalIdMasked: maskNationalId(value),
    };
  }

  /** For checks in memory (the checklist); never logged or returned. */
  reveal(token: string | null): string | null {
    return token ? this.cipher.decrypt(token) : null;
  }

  lookupHash(canonical: string): string {
    return this.cipher.lookupHash(canonical);
  }
}
