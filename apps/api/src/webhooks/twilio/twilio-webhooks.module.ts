import { Module } from '@nestjs/common';
import { TwilioModule } from '@app/channels';
import { TwilioSignatureGuard } from './twilio-signature.guard.js';
import { TwilioWebhooksController } from './twilio-webhooks.controller.js';

/** Twilio's webhooks: SMS and WhatsApp messages, delivery status, voice calls and recordings. */
@Module({
  imports: [TwilioModule],
  controllers: [TwilioWebhooksController],
  providers: [TwilioSignatureGuard],
})
export class TwilioWebhooksModule {}
