import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { isValidTwilioSignature, signedUrl } from '@app/channels';
import { AppConfig } from '@app/common';

/**
 * X-Twilio-Signature on every Twilio webhook when TWILIO_AUTH_TOKEN is set: checked against
 * PUBLIC_BASE_URL + the path and query received (never the Host header) and every posted field.
 * A missing or wrong signature is a 403 before anything is read or stored. Without a token
 * (sandbox) unsigned requests are accepted.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioWebhooks');

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (!token) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const signature = req.header('x-twilio-signature');
    const params = req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as Record<string, unknown>) : {};
    if (!signature || !isValidTwilioSignature(token, signature, signedUrl(this.config.PUBLIC_BASE_URL, req.originalUrl), params)) {
      this.logger.warn(
        `Twilio webhook ${req.path} refused: ${signature ? 'signature does not match' : 'no signature'} (checked against ${this.config.PUBLIC_BASE_URL})`,
      );
      throw new ForbiddenException(signature ? 'X-Twilio-Signature does not match this request' : 'X-Twilio-Signature is missing');
    }
    return true;
  }
}
