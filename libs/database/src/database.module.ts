import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/common';
import { prepareDatabase } from './database-setup.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * The TypeORM connection. The database is created and migrated before the connection
 * opens; entities come from each feature module's `TypeOrmModule.forFeature`.
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: { migrate: boolean } = { migrate: true }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: async (config: AppConfig) => {
            if (options.migrate) await prepareDatabase(config.DATABASE_URL);
            return {
              type: 'postgres' as const,
              url: config.DATABASE_URL,
              autoLoadEntities: true,
              synchronize: false,
              migrationsRun: false,
              namingStrategy: new SnakeNamingStrategy(),
              uuidExtension: 'pgcrypto' as const,
              extra: { max: 10, application_name: 'helpdesk' },
              retryAttempts: 2,
              retryDelay: 1000,
            };
          },
        }),
      ],
    };
  }
}
