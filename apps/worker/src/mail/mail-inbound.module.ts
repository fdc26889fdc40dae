import { Module } from '@nestjs/common';
import { ChannelsModule } from '@app/channels';
import { ImapPoller } from './imap-poller.js';
import { MailIntakeService } from './mail-intake.service.js';
import { SmtpInboundServer } from './smtp-inbound.server.js';

/** Inbound e-mail: the SMTP listener for the support address and, when configured, IMAP polling. */
@Module({
  imports: [ChannelsModule],
  providers: [MailIntakeService, SmtpInboundServer, ImapPoller],
  exports: [SmtpInboundServer],
})
export class MailInboundModule {}
