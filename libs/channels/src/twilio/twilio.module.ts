import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TicketsModule } from '@app/tickets';
import { ChannelsModule } from '../channels.module.js';
import { InboundEvent } from '../inbound/inbound-event.entity.js';
import { TwilioCallLog } from './twilio-call-log.service.js';
import { TwilioReconciler } from './twilio-reconciler.js';
import { TwilioStatusService } from './twilio-status.service.js';

/** Twilio's services shared by the api (webhooks) and the worker (status retries, reconciliation). */
@Module({
  imports: [ChannelsModule, TicketsModule, TypeOrmModule.forFeature([InboundEvent])],
  providers: [TwilioCallLog, TwilioReconciler, TwilioStatusService],
  exports: [TwilioCallLog, TwilioReconciler, TwilioStatusService, ChannelsModule],
})
export class TwilioModule {}
