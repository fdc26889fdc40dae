import { Module } from '@nestjs/common';
import { TwilioModule } from '@app/channels';
import { TwilioProcessor, TwilioScheduler } from './twilio.processor.js';

/** The worker's Twilio jobs: late status callbacks and the reconciliation of missed inbound webhooks. */
@Module({
  imports: [TwilioModule],
  providers: [TwilioProcessor, TwilioScheduler],
})
export class TwilioWorkerModule {}
