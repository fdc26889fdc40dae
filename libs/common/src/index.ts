export { AppConfig, ConfigError, loadConfig } from './config/app-config.js';
export { ConfigModule, AUTH_SECRET } from './config/config.module.js';
export { resolveAuthSecret } from './config/runtime-secrets.js';
export { DomainError, DOMAIN_ERROR_STATUS, type DomainErrorCode } from './errors/domain-error.js';
export { HttpExceptionFilter } from './http/http-exception.filter.js';
export { createValidationPipe } from './http/validation.pipe.js';
export { loggerOptions, REDACTED_LOG_PATHS } from './logging/logger-options.js';
export { encodeCursor, decodeCursor } from './http/cursor.js';
export { clientIp } from './http/client-ip.js';
export { withTimeout } from './async/with-timeout.js';
export { toLatinDigits } from './text/digits.js';
export { stripBidiControls } from './text/bidi.js';
export { normalizeSearchText } from './text/arabic-normalization.js';
export { normalizeEmailAddress } from './email/email-address.js';
export { normalizePhoneNumber, isSaudiMobile } from './phone/phone-number.js';
export { validateNationalId, maskNationalId, type NationalIdKind, type NationalIdValidation } from './national-id/national-id.js';
export { NationalIdCipher } from './national-id/national-id-cipher.js';
export {
  hijriParts,
  formatHijri,
  formatGregorian,
  formatDualDate,
  RIYADH_TIME_ZONE,
  type DateLocale,
  type DateFormatOptions,
  type HijriParts,
} from './hijri/hijri-date.js';
export { deriveKey } from './crypto/derive-key.js';
export { sameBytes } from './crypto/same-bytes.js';
export { escapeLike, containsPattern } from './text/like-pattern.js';
export type { Actor } from './actor.js';
