import { type DynamicModule, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@app/audit';
import { ChannelsModule } from '@app/channels';
import { type AppConfig, ConfigModule, loggerOptions } from '@app/common';
import { DatabaseModule } from '@app/database';
import { ContactsModule } from '@app/contacts';
import { QueueModule, RedisModule } from '@app/queue';
import { RealtimeModule } from '@app/realtime';
import { NotificationsModule } from '@app/notifications';
import { TicketsModule } from '@app/tickets';
import { WorkflowModule } from '@app/workflow';
import { UsersModule } from '@app/users';
import { ChannelSweeper } from './channels/channel-sweeper.js';
import { IngestProcessor } from './channels/ingest.processor.js';
import { OutboundProcessor } from './channels/outbound.processor.js';
import { MailInboundModule } from './mail/mail-inbound.module.js';
import { SurveysWorkerModule } from './surveys/surveys-worker.module.js';
import { RoutingProcessor } from './workflow/routing.processor.js';
import { SlaTimerProcessor } from './workflow/sla-timer.processor.js';
import { WorkflowReconcilerRunner } from './workflow/workflow-reconciler.runner.js';
import { MaintenanceProcessor, MaintenanceScheduler } from './maintenance/maintenance.processor.js';
import { TwilioWorkerModule } from './twilio/twilio-worker.module.js';
import { CommitteeWorkerModule } from './committee/committee-worker.module.js';

/** The background application: every BullMQ processor and the inbound mail listener. No HTTP server. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, 'worker')),
        DatabaseModule.forRoot(),
        RedisModule,
        QueueModule.forRoot(),
        EventEmitterModule.forRoot(),
        RealtimeModule,
        AuditModule,
        UsersModule,
        ContactsModule,
        TicketsModule,
        ChannelsModule,
        NotificationsModule,
        WorkflowModule.forRoot({ routeNewTicketsHere: true }),
        MailInboundModule,
        SurveysWorkerModule,
        TwilioWorkerModule,
        CommitteeWorkerModule,
      ],
      providers: [
        MaintenanceProcessor,
        MaintenanceScheduler,
        IngestProcessor,
        OutboundProcessor,
        ChannelSweeper,
        RoutingProcessor,
        SlaTimerProcessor,
        WorkflowReconcilerRunner,
      ],
    };
  }
}
