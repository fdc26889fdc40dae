import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { QueueName } from './queue-name.js';

/** Limits shared by every queue: keep some history for inspection, retry with backoff. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

/** BullMQ with one connection config and one prefix, and every queue registered for producers. */
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    const queues = Object.values(QueueName).map((name) => ({ name }));
    return {
      module: QueueModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
            prefix: `${config.REDIS_PREFIX}-bull`,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
        BullModule.registerQueue(...queues),
      ],
      exports: [BullModule],
    };
  }
}
