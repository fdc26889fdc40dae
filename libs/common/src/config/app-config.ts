import { Transform, plainToInstance } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off', ''].includes(v)) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value);
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

const urlOptions = { require_tld: false, require_protocol: true };

/**
 * Every start-up setting, read once from the environment and validated at boot.
 * Names and defaults follow the external contract; a wrong value stops start-up
 * with one line naming the setting.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// URL',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/helpdesk';

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key (BullMQ and our own), so several installations or test files can share one Redis. */
  @Matches(/^[A-Za-z0-9_{}-]+$/, {
    message: 'REDIS_PREFIX may contain only letters, digits, _ - { }',
  })
  REDIS_PREFIX = 'helpdesk';

  @IsUrl(urlOptions)
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  SMTP_INBOUND_PORT = 2525;

  @IsEmail()
  SUPPORT_EMAIL = 'support@example.org';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, {
    message: 'SMTP_URL must be an smtp:// or smtps:// URL',
  })
  SMTP_URL?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, {
    message: 'TWILIO_ACCOUNT_SID must look like AC followed by 32 hex digits',
  })
  TWILIO_ACCOUNT_SID?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TWILIO_AUTH_TOKEN?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\+\d{6,15}$/, {
    message: 'TWILIO_SMS_FROM must be an E.164 number such as +9665XXXXXXXX',
  })
  TWILIO_SMS_FROM?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^whatsapp:\+\d{6,15}$/, {
    message: 'TWILIO_WHATSAPP_FROM must look like whatsapp:+9665XXXXXXXX',
  })
  TWILIO_WHATSAPP_FROM?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl(urlOptions)
  TWILIO_API_BASE_URL?: string = undefined;

  /** Delete an inbound message's media at Twilio once it is stored here (it stays there until deleted; people send ID cards). */
  @Transform(toBool)
  @IsBoolean()
  TWILIO_DELETE_MEDIA = true;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  META_APP_SECRET?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  META_VERIFY_TOKEN?: string = undefined;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  META_PAGE_ACCESS_TOKEN?: string = undefined;

  @IsUrl(urlOptions)
  META_GRAPH_BASE_URL = 'https://graph.facebook.com';

  @IsEmail()
  ADMIN_EMAIL = 'admin@example.org';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  SURVEY_DELAY_SECONDS = 3600;

  /** Days the research committee is given to decide a help request (applicants are told the expected date). Never under 14. */
  @Transform(toInt)
  @IsInt()
  @Min(14, { message: 'COMMITTEE_DECISION_DAYS must be at least 14 (member support policy)' })
  @Max(365)
  COMMITTEE_DECISION_DAYS = 14;

  /** Help-request form submissions accepted per client address per hour. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  HELP_REQUEST_FORM_LIMIT_PER_HOUR = 5;

  /**
   * SLA timers are kept in Redis only for what is due within this many minutes; the worker's
   * reconciliation pass (every 5 minutes) adds later ones as they come within it.
   */
  @Transform(toInt)
  @IsInt()
  @Min(15, { message: 'SLA_TIMER_HORIZON_MINUTES must be at least 15 (the reconciliation pass runs every 5 minutes)' })
  @Max(60 * 24 * 365)
  SLA_TIMER_HORIZON_MINUTES = 24 * 60;

  /** SLA timers one worker runs at once; each mostly waits on the database, so more keep a burst of due times on time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  SLA_TIMER_CONCURRENCY = 32;

  @Transform(toBool)
  @IsBoolean()
  DEMO_DATA = false;

  /** Secret that signs access tokens and derives the national-ID keys; generated and kept in DATA_DIR outside production. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_SECRET must be at least 32 characters' })
  AUTH_SECRET?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  ACCESS_TOKEN_TTL_MINUTES = 30;

  /** A session ends after this long without activity; the console renews its access token within it. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  SESSION_IDLE_MINUTES = 12 * 60;

  /** Where attachments and development secrets are kept. */
  @IsString()
  DATA_DIR = './data';

  /** A message from a contact joins their ticket resolved up to this many hours ago instead of opening a new one. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  INBOUND_REOPEN_HOURS = 72;

  /** At most this many automatic acknowledgements per sender address per hour (stops mail loops). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACK_LIMIT_PER_HOUR = 5;

  /** Optional IMAP mailbox polled for mail to the support address, e.g. imaps://user:pass@imap.example.org/INBOX. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^imaps?:\/\/.+/, { message: 'IMAP_URL must be an imap:// or imaps:// URL' })
  IMAP_URL?: string = undefined;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  IMAP_POLL_SECONDS = 60;

  /** Largest inbound e-mail the SMTP listener accepts, in megabytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_MAX_MESSAGE_MB = 25;

  /** The built web console served at /. */
  @IsString()
  WEB_CONSOLE_DIR = 'dist/web';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest JSON or form body the api accepts, in kilobytes. */
  @Transform(toInt)
  @IsInt()
  @Min(16)
  BODY_LIMIT_KB = 1024;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}

/** A setting is missing or wrong; the message is one line naming it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined) raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    // Report the type check ("must be an integer") before range checks, which read oddly for "abc".
    const constraints = Object.entries(first.constraints ?? {}).sort(([a], [b]) => Number(!a.startsWith('is')) - Number(!b.startsWith('is')));
    const detail = constraints[0]?.[1] ?? 'is invalid';
    const message = detail.startsWith(first.property) ? detail : `${first.property} ${detail}`;
    throw new ConfigError(`Invalid setting ${first.property}: ${message} (got ${JSON.stringify(env[first.property] ?? '')})`);
  }
  if (config.isProduction && !config.AUTH_SECRET) {
    throw new ConfigError('Invalid setting AUTH_SECRET: it is required when NODE_ENV=production (at least 32 characters)');
  }
  return config;
}
