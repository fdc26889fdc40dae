import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/common';
import { createWorkerApp } from './worker-app.js';

createWorkerApp(loadConfig()).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
