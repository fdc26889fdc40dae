import type { FetchMessageObject, MessageRange } from 'imapflow';
import { type ImapClient, parseImapUrl, pollMailbox } from './imap-poller.js';

describe('parseImapUrl', () => {
  it('reads imaps URLs with an encoded user, the default TLS port and the mailbox', () => {
    expect(parseImapUrl('imaps://support%40example.org:p%40ss%2Fw0rd@imap.example.org/INBOX')).toEqual({
      host: 'imap.example.org',
      port: 993,
      secure: true,
      user: 'support@example.org',
      pass: 'p@ss/w0rd',
      mailbox: 'INBOX',
    });
  });

  it('reads plain imap with a port, an encoded mailbox name, and defaults the mailbox to INBOX', () => {
    expect(parseImapUrl('imap://u:p@127.0.0.1:1143/Support%20Desk')).toMatchObject({
      host: '127.0.0.1',
      port: 1143,
      secure: false,
      mailbox: 'Support Desk',
    });
    expect(parseImapUrl('imap://u:p@mail.example.org').mailbox).toBe('INBOX');
    expect(parseImapUrl('imap://u:p@mail.example.org/').port).toBe(143);
  });

  it.each([
    ['not a URL', 'nonsense', /not a valid URL/],
    ['another scheme', 'https://u:p@x.org/INBOX', /imap:\/\/ or imaps:\/\//],
    ['no credentials', 'imaps://imap.example.org/INBOX', /user and password/],
    ['no password', 'imaps://user@imap.example.org/INBOX', /user and password/],
  ])('refuses %s', (_name, url, message) => {
    expect(() => parseImapUrl(url)).toThrow(message);
  });
});

/**
 * A mailbox in memory that answers the calls pollMailbox makes, recording them. It stands in for
 * the IMAP server to test the loop's own decisions (order, when \Seen is set); it does not test imapflow.
 */
class FakeMailbox implements ImapClient {
  readonly calls: string[] = [];
  readonly seen = new Set<number>();
  lockReleased = false;

  constructor(private readonly messages: Map<number, { source: Buffer; size?: number }>) {}

  async connect(): Promise<void> {
    this.calls.push('connect');
  }
  async getMailboxLock(path: string) {
    this.calls.push(`lock ${path}`);
    return { release: () => void (this.lockReleased = true) };
  }
  async search(): Promise<number[]> {
    this.calls.push('search unseen');
    return [...this.messages.keys()].filter((uid) => !this.seen.has(uid)).reverse();
  }
  async fetchAll(range: MessageRange): Promise<FetchMessageObject[]> {
    this.calls.push(`sizes ${String(range)}`);
    return (range as number[]).map((uid) => ({ seq: uid, uid, size: this.messages.get(uid)?.size ?? this.messages.get(uid)?.source.length }));
  }
  async fetchOne(uid: string): Promise<FetchMessageObject | false> {
    this.calls.push(`fetch ${uid}`);
    const m = this.messages.get(Number(uid));
    return m ? { seq: Number(uid), uid: Number(uid), source: m.source } : false;
  }
  async messageFlagsAdd(range: MessageRange, flags: string[]): Promise<boolean> {
    this.calls.push(`flag ${String(range)} ${flags.join(' ')}`);
    if (flags.includes('\\Seen')) this.seen.add(Number(range));
    return true;
  }
  async logout(): Promise<void> {
    this.calls.push('logout');
  }
  close(): void {
    this.calls.push('close');
  }
}

const mail = (n: number) => Buffer.from(`Message-ID: <m${n}@x.example.net>\r\n\r\nbody ${n}`);
const options = { mailbox: 'INBOX', maxBytes: 1000, batch: 50 };

describe('pollMailbox', () => {
  it('stores unseen messages oldest first and flags each \\Seen only after it was stored', async () => {
    const box = new FakeMailbox(new Map([1, 2, 3].map((n) => [n, { source: mail(n) }])));
    const stored: string[] = [];
    const result = await pollMailbox(box, options, async (raw) => {
      box.calls.push(`store ${raw.toString().split('\r\n')[0]}`);
      stored.push(raw.toString());
    });
    expect(result).toEqual({ stored: 3, failed: 0, tooLarge: [] });
    expect(box.calls).toEqual([
      'connect',
      'lock INBOX',
      'search unseen',
      'sizes 1,2,3',
      'fetch 1',
      'store Message-ID: <m1@x.example.net>',
      'flag 1 \\Seen',
      'fetch 2',
      'store Message-ID: <m2@x.example.net>',
      'flag 2 \\Seen',
      'fetch 3',
      'store Message-ID: <m3@x.example.net>',
      'flag 3 \\Seen',
      'logout',
    ]);
    expect(box.lockReleased).toBe(true);
  });

  it('leaves a message it could not store unseen (tried again next poll) and goes on with the others', async () => {
    const box = new FakeMailbox(new Map([1, 2].map((n) => [n, { source: mail(n) }])));
    const errors: number[] = [];
    const failing = async (raw: Buffer) => {
      if (raw.toString().includes('m1@')) throw new Error('database unavailable');
    };
    const first = await pollMailbox(box, options, failing, (uid) => errors.push(uid));
    expect(first).toEqual({ stored: 1, failed: 1, tooLarge: [] });
    expect(errors).toEqual([1]);
    expect([...box.seen]).toEqual([2]);

    const second = await pollMailbox(box, options, async () => undefined);
    expect(second).toEqual({ stored: 1, failed: 0, tooLarge: [] });
    expect([...box.seen].sort()).toEqual([1, 2]);
  });

  it('does not download messages over the size limit and leaves them unseen', async () => {
    const box = new FakeMailbox(new Map([[7, { source: mail(7), size: 5000 }]]));
    const result = await pollMailbox(box, options, async () => undefined);
    expect(result).toEqual({ stored: 0, failed: 0, tooLarge: [7] });
    expect(box.calls).not.toContain('fetch 7');
    expect(box.seen.size).toBe(0);
  });

  it('takes at most a batch per poll', async () => {
    const box = new FakeMailbox(new Map([1, 2, 3, 4].map((n) => [n, { source: mail(n) }])));
    const result = await pollMailbox(box, { ...options, batch: 2 }, async () => undefined);
    expect(result.stored).toBe(2);
    expect([...box.seen]).toEqual([1, 2]);
  });

  it('does nothing but log out when nothing is unseen', async () => {
    const box = new FakeMailbox(new Map());
    expect(await pollMailbox(box, options, async () => undefined)).toEqual({ stored: 0, failed: 0, tooLarge: [] });
    expect(box.calls).toEqual(['connect', 'lock INBOX', 'search unseen', 'logout']);
  });

  it('releases the lock and logs out when the server fails mid-poll', async () => {
    const box = new FakeMailbox(new Map([[1, { source: mail(1) }]]));
    box.messageFlagsAdd = async () => {
      throw new Error('connection lost');
    };
    await expect(pollMailbox(box, options, async () => undefined)).rejects.toThrow('connection lost');
    expect(box.lockReleased).toBe(true);
    expect(box.calls[box.calls.length - 1]).toBe('logout');
  });
});
