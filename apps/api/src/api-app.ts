import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { type AppConfig, createValidationPipe } from '@app/common';
import { ApiModule } from './api.module.js';

export function buildOpenApiDocument(app: NestExpressApplication): ReturnType<typeof SwaggerModule.createDocument> {
  const doc = new DocumentBuilder()
    .setTitle('Helpdesk API')
    .setDescription('Omnichannel relations and service desk: staff REST API, public forms and channel webhooks.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}

/** Builds the api application (used by main.ts and by the end-to-end tests). */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bufferLogs: true, bodyParser: false, rawBody: true });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  const limit = `${config.BODY_LIMIT_KB}kb`;
  // rawBody: webhook signatures (Meta X-Hub-Signature-256) are checked over the exact bytes received.
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  return app;
}
