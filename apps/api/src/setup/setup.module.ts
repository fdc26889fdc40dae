import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { InboundEvent } from '@app/channels';
import { type AppConfig, ConfigModule } from '@app/common';
import { ContactsModule } from '@app/contacts';
import { DatabaseModule } from '@app/database';
import { Category } from '@app/tickets';
import { UsersModule } from '@app/users';
import { RoutingRule } from '@app/workflow';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DemoDataSeeder } from './demo-data.seeder.js';
import { FirstAdmin } from './first-admin.js';

/** What runs once before the apps start: migrations (in DatabaseModule), the first admin, demo data. */
@Module({})
export class SetupModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SetupModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(),
        AuditModule,
        UsersModule,
        ContactsModule,
        TypeOrmModule.forFeature([Category, RoutingRule, InboundEvent]),
      ],
      providers: [FirstAdmin, DemoDataSeeder],
    };
  }
}
