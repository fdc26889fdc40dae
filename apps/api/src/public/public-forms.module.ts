import { Module } from '@nestjs/common';
import { ChannelsModule } from '@app/channels';

/** Forms anyone may post without signing in: the website contact form. */
@Module({
  imports: [ChannelsModule],
  controllers: [],
  providers: [],
})
export class PublicFormsModule {}
