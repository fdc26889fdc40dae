import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { ChannelsModule } from '@app/channels';
import { type AppConfig, ConfigModule, HttpExceptionFilter, loggerOptions } from '@app/common';
import { DatabaseModule } from '@app/database';
import { ContactsModule } from '@app/contacts';
import { QueueModule, RedisModule } from '@app/queue';
import { RealtimeModule } from '@app/realtime';
import { NotificationsModule } from '@app/notifications';
import { TicketsModule } from '@app/tickets';
import { WorkflowModule } from '@app/workflow';
import { UsersModule } from '@app/users';
import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { ContactsController } from './contacts/contacts.controller.js';
import { HealthController } from './health/health.controller.js';
import { RealtimeGateway } from './realtime/realtime.gateway.js';
import { PublicFormsModule } from './public/public-forms.module.js';
import { HelpRequestsApiModule } from './help-requests/help-requests-api.module.js';
import { NotificationsController, TicketWorkflowController, WorkflowAdminController } from './workflow/workflow.controller.js';
import { SurveysApiModule } from './surveys/surveys-api.module.js';
import { SystemController } from './system/system.controller.js';
import { StatsModule } from './stats/stats.controller.js';
import { MetaWebhooksModule } from './webhooks/meta/meta-webhooks.module.js';
import { TwilioWebhooksModule } from './webhooks/twilio/twilio-webhooks.module.js';
import { CategoriesController, TeamsController } from './teams/teams.controller.js';
import { AttachmentsController, TicketsController } from './tickets/tickets.controller.js';
import { UsersController } from './users/users.controller.js';
import { WebConsoleModule } from './web-console/web-console.module.js';

/** The HTTP application: REST API, webhooks, health and the web console. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config, 'api')),
        DatabaseModule.forRoot(),
        RedisModule,
        QueueModule.forRoot(),
        EventEmitterModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        RealtimeModule,
        AuditModule,
        UsersModule,
        AuthModule,
        ContactsModule,
        TicketsModule,
        ChannelsModule,
        NotificationsModule,
        WorkflowModule.forRoot({ routeNewTicketsHere: false }),
        TwilioWebhooksModule,
        MetaWebhooksModule,
        PublicFormsModule,
        HelpRequestsApiModule,
        SurveysApiModule,
        StatsModule,
        WebConsoleModule.forRoot(),
      ],
      controllers: [
        HealthController,
        AuthController,
        UsersController,
        AuditController,
        TeamsController,
        CategoriesController,
        ContactsController,
        TicketsController,
        AttachmentsController,
        SystemController,
        WorkflowAdminController,
        TicketWorkflowController,
        NotificationsController,
      ],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }, RealtimeGateway],
    };
  }
}
