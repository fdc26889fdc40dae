import { Module } from '@nestjs/common';
import { ChannelsModule, MetaWebhookService } from '@app/channels';
import { TicketsModule } from '@app/tickets';
import { MetaWebhooksController } from './meta-webhooks.controller.js';

/** Meta's webhooks: Messenger and Instagram messages, delivery and read reports. */
@Module({
  imports: [ChannelsModule, TicketsModule],
  controllers: [MetaWebhooksController],
  providers: [MetaWebhookService],
})
export class MetaWebhooksModule {}
