import { Module } from '@nestjs/common';
import { ChannelsModule } from '@app/channels';
import { TicketsModule } from '@app/tickets';

/** Twilio's webhooks: SMS and WhatsApp messages, delivery status, voice calls and recordings. */
@Module({
  imports: [ChannelsModule, TicketsModule],
  controllers: [],
  providers: [],
})
export class TwilioWebhooksModule {}
