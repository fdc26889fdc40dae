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
import { TicketsModule } from '@app/tickets';
import { UsersModule } from '@app/users';
import { ChannelSweeper } from './channels/channel-sweeper.js';
import { IngestProcessor } from './channels/ingest.processor.js';
import { OutboundProcessor } from './channels/outbound.processor.js';
import { MailInboundModule } from './mail/mail-inbound.module.js';
import { MaintenanceProcessor, MaintenanceScheduler } from './maintenance/maintenance.processor.js';

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
        MailInboundModule,
      ],
      providers: [MaintenanceProcessor, MaintenanceScheduler, IngestProcessor, OutboundProcessor, ChannelSweeper],
    };
  }
}
