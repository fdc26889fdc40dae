import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@app/audit';
import { type AppConfig, ConfigModule, loggerOptions } from '@app/common';
import { DatabaseModule } from '@app/database';
import { QueueModule, RedisModule } from '@app/queue';
import { UsersModule } from '@app/users';
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
        AuditModule,
        UsersModule,
      ],
      providers: [MaintenanceProcessor, MaintenanceScheduler],
    };
  }
}
