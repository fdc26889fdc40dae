import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import {
  ImapFlow,
  type FetchMessageObject,
  type FetchOptions,
  type FetchQueryObject,
  type MailboxLockObject,
  type MessageRange,
  type StoreOptions,
} from 'imapflow';
import { AppConfig } from '@app/common';
import { MailIntakeService } from './mail-intake.service.js';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/**
 * IMAP_URL, e.g. `imaps://support%40example.org:secret@imap.example.org:993/INBOX`: imaps is TLS
 * (default port 993), imap is plain with STARTTLS when offered (143). User and password are
 * URL-encoded; the path is the mailbox (INBOX when empty).
 */
export function parseImapUrl(value: string): ImapSettings {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('IMAP_URL is not a valid URL (imaps://user:password@host:port/MAILBOX)');
  }
  if (url.protocol !== 'imaps:' && url.protocol !== 'imap:') throw new Error('IMAP_URL must start with imap:// or imaps://');
  const secure = url.protocol === 'imaps:';
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  if (!url.hostname) throw new Error('IMAP_URL has no host');
  if (!user || !pass) throw new Error('IMAP_URL must carry the user and password (imaps://user:password@host/MAILBOX)');
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, '').replace(/\/+$/, '')) || 'INBOX';
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : secure ? 993 : 143, secure, user, pass, mailbox };
}

/** The few imapflow calls a poll makes (ImapFlow satisfies it; the compiler checks that below). */
export interface ImapClient {
  connect(): Promise<void>;
  getMailboxLock(path: string): Promise<Pick<MailboxLockObject, 'release'>>;
  search(query: { seen: false }, options: { uid: true }): Promise<number[] | false | undefined>;
  fetchAll(range: MessageRange, query: FetchQueryObject, options?: FetchOptions): Promise<FetchMessageObject[]>;
  fetchOne(uid: string, query: FetchQueryObject, options?: FetchOptions): Promise<FetchMessageObject | false>;
  messageFlagsAdd(range: MessageRange, flags: string[], options?: StoreOptions): Promise<boolean>;
  logout(): Promise<void>;
  close(): void;
}

export interface PollResult {
  stored: number;
  failed: number;
  tooLarge: number[];
}

/**
 * One poll: the unseen messages of the mailbox, oldest first and at most `batch` of them; each is
 * handed to `store` and flagged \Seen only once that resolved (the fetch uses BODY.PEEK, so reading
 * never marks it). A message that could not be stored stays unseen and is tried at the next poll;
 * storing twice is harmless (one event per Message-ID). Messages over `maxBytes` are left unseen
 * for a person to look at.
 */
export async function pollMailbox(
  client: ImapClient,
  options: { mailbox: string; maxBytes: number; batch: number },
  store: (raw: Buffer) => Promise<unknown>,
  onError: (uid: number, error: Error) => void = () => undefined,
): Promise<PollResult> {
  const result: PollResult = { stored: 0, failed: 0, tooLarge: [] };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(options.mailbox);
    try {
      const unseen = (await client.search({ seen: false }, { uid: true })) || [];
      const uids = [...unseen].sort((a, b) => a - b).slice(0, options.batch);
      if (!uids.length) return result;
      const sizes = new Map((await client.fetchAll(uids, { uid: true, size: true }, { uid: true })).map((m) => [m.uid, m.size ?? 0]));
      for (const uid of uids) {
        if ((sizes.get(uid) ?? 0) > options.maxBytes) {
          result.tooLarge.push(uid);
          continue;
        }
        try {
          const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
          if (!message || !message.source) continue; // expunged meanwhile
          await store(message.source);
        } catch (error) {
          result.failed++;
          onError(uid, error as Error);
          continue;
        }
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        result.stored++;
      }
      return result;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Optional IMAP polling of the support mailbox (IMAP_URL), every IMAP_POLL_SECONDS, into the same intake as SMTP. */
@Injectable()
export class ImapPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ImapPoller.name);
  private settings: ImapSettings | null = null;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly warnedTooLarge = new Set<number>();

  constructor(
    private readonly config: AppConfig,
    private readonly intake: MailIntakeService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.IMAP_URL) return;
    this.settings = parseImapUrl(this.config.IMAP_URL);
    this.logger.log(`polling IMAP ${this.settings.host}:${this.settings.port}/${this.settings.mailbox} every ${this.config.IMAP_POLL_SECONDS} s`);
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One poll now (also used by the timer). */
  async pollOnce(): Promise<PollResult | null> {
    const s = this.settings;
    if (!s) return null;
    const client = new ImapFlow({
      host: s.host,
      port: s.port,
      secure: s.secure,
      auth: { user: s.user, pass: s.pass },
      logger: false,
      disableAutoIdle: true,
    });
    // imapflow emits 'error' on a broken connection; unhandled it would end the process.
    client.on('error', (error: Error) => this.logger.warn(`IMAP connection: ${error.message}`));
    const imap: ImapClient = client;
    const result = await pollMailbox(
      imap,
      { mailbox: s.mailbox, maxBytes: this.config.SMTP_MAX_MESSAGE_MB * 1024 * 1024, batch: 100 },
      (raw) => this.intake.receive(raw, 'imap'),
      (uid, error) => this.logger.warn(`IMAP message uid ${uid} not stored (left unseen, retried next poll): ${error.message}`),
    );
    for (const uid of result.tooLarge) {
      if (this.warnedTooLarge.has(uid)) continue;
      this.warnedTooLarge.add(uid);
      this.logger.warn(
        `IMAP message uid ${uid} is larger than ${this.config.SMTP_MAX_MESSAGE_MB} MB: left unseen in ${s.mailbox} for a person to handle`,
      );
    }
    return result;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .then(
          () => undefined,
          (error: unknown) => this.logger.warn(`IMAP poll failed: ${(error as Error).message}`),
        )
        .finally(() => {
          this.running = null;
          this.schedule(this.config.IMAP_POLL_SECONDS * 1000);
        });
    }, delayMs);
    this.timer.unref();
  }
}
