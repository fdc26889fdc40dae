import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted, parsed for assertions. */
export interface SinkMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
  subject: string;
  text: string;
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string[];
  attachments: { filename: string | undefined; contentType: string; content: Buffer }[];
  /** A header's raw value (unfolded), by case-insensitive name; undefined when absent. */
  header(name: string): string | undefined;
}

type Reply = { code: number; message: string };

/**
 * A small SMTP server on 127.0.0.1 that the product's nodemailer delivers to
 * (SMTP_URL=smtp://127.0.0.1:<port>). It records every accepted message; it can refuse
 * recipients for good (550) or answer every transaction with a temporary error (421).
 */
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  /** Recipients refused with 550 at RCPT TO (lower-case addresses, or a predicate). */
  rejectRecipient: (address: string) => boolean = () => false;
  /** How many transactions to answer `421 try again later` before accepting again. */
  temporaryFailures = 0;
  /** Every reply the sink refused with, for assertions. */
  readonly refusals: (Reply & { address: string })[] = [];
  private server?: SMTPServer;

  async start(): Promise<this> {
    const server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 1000,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        if (this.temporaryFailures > 0) {
          this.temporaryFailures--;
          return callback(this.refuse(421, '4.3.2 service not available, try again later', to));
        }
        if (this.rejectRecipient(to)) return callback(this.refuse(550, `5.1.1 <${to}>: Recipient address rejected: mailbox unavailable`, to));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then(
            (parsed) => {
              this.messages.push(
                toSinkMessage(
                  raw,
                  parsed,
                  session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  session.envelope.rcptTo.map((r) => r.address),
                ),
              );
              callback(null, 'OK: recorded');
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  get port(): number {
    return (this.server!.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages sent to one address. */
  to(address: string): SinkMessage[] {
    return this.messages.filter((m) => m.envelope.to.some((t) => t.toLowerCase() === address.toLowerCase()));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private refuse(code: number, message: string, address: string): Error {
    this.refusals.push({ code, message, address });
    return Object.assign(new Error(message), { responseCode: code });
  }
}

function toSinkMessage(raw: Buffer, parsed: ParsedMail, from: string, to: string[]): SinkMessage {
  const refs = parsed.references;
  return {
    envelope: { from, to },
    raw,
    parsed,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references: Array.isArray(refs) ? refs : refs ? [refs] : [],
    attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    header(name: string) {
      const line = [...parsed.headerLines].reverse().find((h) => h.key === name.toLowerCase())?.line;
      return line === undefined
        ? undefined
        : line
            .slice(line.indexOf(':') + 1)
            .replace(/\r?\n[ \t]+/g, ' ')
            .trim();
    },
  };
}
