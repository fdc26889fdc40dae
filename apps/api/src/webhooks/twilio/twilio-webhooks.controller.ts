import { BadRequestException, Controller, Header, HttpCode, Logger, Post, Req, UseGuards } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@app/auth';
import {
  emptyMessagingTwiml,
  goodbyeTwiml,
  InboundEventsService,
  normalizeTwilioCall,
  normalizeTwilioMessage,
  normalizeTwilioRecording,
  parseTwilioStatusCallback,
  signedUrl,
  TwilioCallLog,
  TwilioRequestError,
  TwilioStatusService,
  twilioMediaHosts,
  voicemailTwiml,
  withheldNumberTwiml,
  type TwilioParams,
} from '@app/channels';
import { AppConfig } from '@app/common';
import { TwilioSignatureGuard } from './twilio-signature.guard.js';

/**
 * Twilio's webhooks (docs/channels/twilio.md). Each one checks the signature, stores what arrived
 * (accept → store → enqueue) and answers at once; the worker does the rest.
 */
@Controller('webhooks/twilio')
@Public()
@UseGuards(TwilioSignatureGuard)
@ApiTags('webhooks')
@ApiConsumes('application/x-www-form-urlencoded')
export class TwilioWebhooksController {
  private readonly logger = new Logger('TwilioWebhooks');

  constructor(
    private readonly config: AppConfig,
    private readonly inbound: InboundEventsService,
    private readonly statuses: TwilioStatusService,
    private readonly calls: TwilioCallLog,
  ) {
    if (!config.TWILIO_AUTH_TOKEN) this.logger.warn('TWILIO_AUTH_TOKEN is not set: Twilio webhook signatures are not checked (sandbox)');
  }

  /** SMS and WhatsApp messages: stored once per MessageSid, answered with empty TwiML. */
  @Post('messaging')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiProduces('text/xml')
  @ApiOperation({ summary: 'Twilio inbound SMS / WhatsApp (X-Twilio-Signature); answers empty TwiML' })
  async messaging(@Req() req: Request): Promise<string> {
    const contact = this.parse(() => normalizeTwilioMessage(paramsOf(req), { mediaHosts: twilioMediaHosts(this.config) }));
    const { duplicate } = await this.inbound.accept(contact);
    if (duplicate) this.logger.log(`${contact.channel} message ${contact.externalId} delivered again; nothing new stored`);
    return emptyMessagingTwiml();
  }

  /** Delivery status of our outbound messages; never moves a status backwards. */
  @Post('status')
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Twilio message status callback (X-Twilio-Signature); statuses never move backwards' })
  async status(@Req() req: Request): Promise<string> {
    const update = this.parse(() => parseTwilioStatusCallback(paramsOf(req)));
    const outcome = await this.statuses.apply(update);
    if (outcome === 'unknown') {
      // Answer 200 all the same: Twilio must not retry forever. The MessageSid may not be stored yet.
      this.logger.warn(`status ${update.providerStatus} for unknown message ${update.messageSid}; trying again shortly`);
      await this.statuses.applyLater(update);
    }
    return '';
  }

  /** Incoming call: logged on a ticket, answered with an Arabic greeting and a voicemail. */
  @Post('voice')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiProduces('text/xml')
  @ApiOperation({ summary: 'Twilio incoming call (X-Twilio-Signature); logs the call, answers Arabic greeting + voicemail TwiML' })
  async voice(@Req() req: Request): Promise<string> {
    let call;
    try {
      call = normalizeTwilioCall(paramsOf(req));
    } catch (error) {
      // A withheld number ("anonymous") cannot be a contact or be called back: say so, record nothing.
      if (error instanceof TwilioRequestError && error.field === 'From') {
        this.logger.log(`call from a withheld number: ${error.message}; not logged`);
        return withheldNumberTwiml();
      }
      throw badRequest(error);
    }
    try {
      await this.inbound.accept(call);
    } catch (error) {
      // The caller still hears the greeting and may leave a message: the recording callback finds the
      // caller through Twilio's record of the call and logs the voicemail then.
      this.logger.error(`call ${call.externalId} could not be logged: ${(error as Error).message}`);
    }
    return voicemailTwiml({
      action: this.url('/webhooks/twilio/voice/recorded'),
      recordingStatusCallback: this.url('/webhooks/twilio/voice/recording'),
    });
  }

  /** <Record action>: the caller finished the voicemail; thank them and hang up. */
  @Post('voice/recorded')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiProduces('text/xml')
  @ApiOperation({ summary: 'Twilio <Record> action: goodbye TwiML' })
  recorded(): string {
    return goodbyeTwiml();
  }

  /** Recording status callback: the voicemail joins the call's ticket as a message with the MP3. */
  @Post('voice/recording')
  @HttpCode(200)
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Twilio recording status callback (X-Twilio-Signature); the voicemail joins the call’s ticket' })
  async recording(@Req() req: Request): Promise<string> {
    const params = paramsOf(req);
    const callSid = typeof params.CallSid === 'string' ? params.CallSid : '';
    const caller = callSid ? await this.calls.callerOf(callSid) : null;
    const voicemail = this.parse(() => normalizeTwilioRecording(params, caller, { mediaHosts: twilioMediaHosts(this.config) }));
    if (voicemail) await this.inbound.accept(voicemail);
    return '';
  }

  private url(path: string): string {
    return signedUrl(this.config.PUBLIC_BASE_URL, path);
  }

  /** Runs a normaliser; a missing or unusable field is a 400 naming it. */
  private parse<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw badRequest(error);
    }
  }
}

function badRequest(error: unknown): unknown {
  return error instanceof TwilioRequestError ? new BadRequestException(error.message) : error;
}

function paramsOf(req: Request): TwilioParams {
  return req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? (req.body as TwilioParams) : {};
}
