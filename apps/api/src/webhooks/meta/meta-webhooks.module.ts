import { Module } from '@nestjs/common';
import { ChannelsModule } from '@app/channels';

/** Meta's webhooks: Messenger and Instagram messages. */
@Module({
  imports: [ChannelsModule],
  controllers: [],
  providers: [],
})
export class MetaWebhooksModule {}
