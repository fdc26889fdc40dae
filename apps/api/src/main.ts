import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/common';
import { createApiApp } from './api-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('api failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
