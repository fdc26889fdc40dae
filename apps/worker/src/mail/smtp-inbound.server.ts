import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { AppConfig, normalizeEmailAddress } from '@app/common';
import { MailIntakeService } from './mail-intake.service.js';

/** An error whose code smtp-server sends as the reply. */
export function smtpReply(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The inbound SMTP listener for the support address (SMTP_INBOUND_PORT; 0 picks a free port, see `port`).
 *
 * It is an internal listener with no AUTH and no STARTTLS: put it behind the organisation's MX or
 * relay, which does TLS, spam and virus filtering, and forwards mail for SUPPORT_EMAIL here.
 * Only SUPPORT_EMAIL is accepted (550 for any other recipient), messages over SMTP_MAX_MESSAGE_MB
 * get 552, and 250 is answered only after the message is stored as an inbound event; when storing
 * fails the answer is 451, so the sending server keeps the mail and tries again.
 */
@Injectable()
export class SmtpInboundServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SmtpInboundServer.name);
  private server?: SMTPServer;
  private readonly supportAddress: string | null;
  private readonly maxBytes: number;

  constructor(
    private readonly config: AppConfig,
    private readonly intake: MailIntakeService,
  ) {
    this.supportAddress = normalizeEmailAddress(config.SUPPORT_EMAIL);
    this.maxBytes = config.SMTP_MAX_MESSAGE_MB * 1024 * 1024;
  }

  /** The port actually bound (useful when SMTP_INBOUND_PORT is 0). */
  get port(): number {
    const address = this.server?.server.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the inbound SMTP listener is not listening');
    return address.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = new SMTPServer({
      banner: 'helpdesk inbound mail',
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      size: this.maxBytes,
      disableReverseLookup: true,
      logger: false,
      socketTimeout: 60_000,
      closeTimeout: 5_000,
      onRcptTo: (address, session, callback) => this.onRcptTo(address, session, callback),
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    server.on('error', (error: Error) => this.logger.warn(`inbound SMTP: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.config.SMTP_INBOUND_PORT, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`inbound SMTP listening on port ${this.port} for ${this.config.SUPPORT_EMAIL} (no AUTH/STARTTLS: keep it behind the MX relay)`);
  }

  /** Stops taking connections before the database closes; open sessions get a few seconds to finish. */
  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    if (this.supportAddress && normalizeEmailAddress(address.address) === this.supportAddress) return callback();
    callback(smtpReply(550, `<${address.address}>: mailbox unavailable (this server accepts mail for the support address only)`));
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void): void {
    const chunks: Buffer[] = [];
    let answered = false;
    const answer = (error: Error | null, message?: string) => {
      if (answered) return;
      answered = true;
      callback(error, message);
    };
    stream.on('data', (chunk: Buffer) => {
      // Past the limit the rest is read and dropped (the protocol needs the whole DATA consumed).
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.once('error', (error: Error) => answer(smtpReply(451, `4.3.0 could not read the message: ${error.message}`)));
    stream.once('end', () => {
      if (stream.sizeExceeded) return answer(smtpReply(552, `5.3.4 message exceeds the maximum size of ${this.config.SMTP_MAX_MESSAGE_MB} MB`));
      const mailFrom = session.envelope.mailFrom;
      this.intake.receive(Buffer.concat(chunks), 'smtp', mailFrom ? mailFrom.address : undefined).then(
        (result) => answer(null, `OK: stored as ${result.eventId}`),
        (error: unknown) => {
          this.logger.error(`inbound mail not stored, answered 451 so the sender retries: ${(error as Error).message}`);
          answer(smtpReply(451, '4.3.0 temporary failure storing the message, try again later'));
        },
      );
    });
  }
}
