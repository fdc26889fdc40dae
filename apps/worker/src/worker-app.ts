import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/common';
import { WorkerModule } from './worker.module.js';

/** Builds the worker (used by main.ts and by the end-to-end tests). */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGINT/SIGTERM the BullMQ workers stop taking jobs and wait for the running ones.
  app.enableShutdownHooks();
  await app.init();
  return app;
}
