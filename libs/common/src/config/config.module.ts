import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.js';
import { resolveAuthSecret } from './runtime-secrets.js';

export const AUTH_SECRET = Symbol('AUTH_SECRET');

/** Makes the validated settings injectable everywhere as `AppConfig`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: AUTH_SECRET, useFactory: () => resolveAuthSecret(config) },
      ],
      exports: [AppConfig, AUTH_SECRET],
    };
  }
}
