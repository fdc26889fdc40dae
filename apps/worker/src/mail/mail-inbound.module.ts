import { Module } from '@nestjs/common';
import { ChannelsModule } from '@app/channels';

/** Inbound e-mail: the SMTP listener for the support address and, when configured, IMAP polling. */
@Module({
  imports: [ChannelsModule],
  providers: [],
})
export class MailInboundModule {}
