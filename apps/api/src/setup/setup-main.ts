import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@app/common';
import { DEMO_PASSWORD, DemoDataSeeder } from './demo-data.seeder.js';
import { FirstAdmin } from './first-admin.js';
import { SetupModule } from './setup.module.js';

/** `node dist/apps/api/src/setup/setup-main.js`: migrate, create the first admin, seed demo data when DEMO_DATA=true. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(SetupModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const admin = await app.get(FirstAdmin).ensure();
    if (admin?.generatedPassword) {
      console.log(`\n  First admin created: ${admin.email}\n  Password (shown only this once): ${admin.generatedPassword}\n`);
    } else if (admin) {
      console.log(`First admin created: ${admin.email} (password from ADMIN_PASSWORD)`);
    }
    if (config.DEMO_DATA) {
      const demo = await app.get(DemoDataSeeder).seed();
      if (demo.created) {
        console.log(`Demo staff (password "${DEMO_PASSWORD}"): ${demo.accounts.map((a) => `${a.email} (${a.role})`).join(', ')}`);
      }
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `setup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
