import { Module } from '@nestjs/common';
import { ChannelsModule } from '@app/channels';
import { MetaWebhooksController } from './meta-webhooks.controller.js';

/** Meta's webhooks: Messenger and Instagram messages, delivery and read reports. */
@Module({
  imports: [ChannelsModule],
  controllers: [MetaWebhooksController],
})
export class MetaWebhooksModule {}
