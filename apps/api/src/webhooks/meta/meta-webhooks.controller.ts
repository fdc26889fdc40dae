import { Controller, ForbiddenException, Get, Header, Headers, HttpCode, Logger, Post, Query, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@app/auth';
import { MetaWebhookService, verifyMetaSignature } from '@app/channels';
import { AppConfig, sameBytes } from '@app/common';

/**
 * Meta's webhooks for Messenger and Instagram (CONTRACT): the verification handshake, then signed
 * POSTs. Every message is stored before the 200, so an answer means nothing can be lost; ticket
 * work happens in the worker.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks/meta')
export class MetaWebhooksController {
  private readonly logger = new Logger(MetaWebhooksController.name);

  constructor(
    private readonly config: AppConfig,
    private readonly meta: MetaWebhookService,
  ) {
    if (!config.META_APP_SECRET) this.logger.warn('META_APP_SECRET is not set: Meta webhook signatures are not checked (sandbox)');
  }

  @Get()
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('x-content-type-options', 'nosniff')
  @ApiOperation({ summary: 'Meta verification: echoes hub.challenge when hub.verify_token matches META_VERIFY_TOKEN, else 403' })
  verify(@Query('hub.mode') mode?: string, @Query('hub.verify_token') token?: string, @Query('hub.challenge') challenge?: string): string {
    const expected = this.config.META_VERIFY_TOKEN;
    if (mode !== 'subscribe' || !expected || typeof token !== 'string' || !sameBytes(token, expected) || typeof challenge !== 'string') {
      throw new ForbiddenException('hub.verify_token does not match');
    }
    return challenge;
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Messenger / Instagram events from Meta; every message is stored before the 200, a repeated mid creates nothing' })
  @ApiHeader({
    name: 'X-Hub-Signature-256',
    description: 'sha256=<hex HMAC-SHA256(META_APP_SECRET, raw body)>; required when META_APP_SECRET is set',
  })
  async receive(@Req() req: RawBodyRequest<Request>, @Headers('x-hub-signature-256') signature?: string): Promise<string> {
    if (this.config.META_APP_SECRET && !verifyMetaSignature(this.config.META_APP_SECRET, req.rawBody, signature)) {
      throw new ForbiddenException('X-Hub-Signature-256 is missing or does not match the body');
    }
    const receipt = await this.meta.receive(req.body);
    if (receipt.stored || receipt.duplicates) this.logger.log(`Meta webhook: ${receipt.stored} message(s) stored, ${receipt.duplicates} repeated`);
    return 'EVENT_RECEIVED';
  }
}
