import { Body, Controller, Headers, HttpStatus, Logger, Post, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@app/auth';
import { ContactFormService } from '@app/channels';
import { DomainError } from '@app/common';
import { normalizeIdentityAddress } from '@app/contacts';
import { ContactFormDto, ContactFormReply } from './contact-form.dto.js';
import { ContactFormRateLimitGuard, ContactFormSizeGuard } from './contact-form.guards.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

@ApiTags('public')
@Public()
@Controller('api/v1/public')
export class ContactFormController {
  private readonly logger = new Logger(ContactFormController.name);

  constructor(private readonly forms: ContactFormService) {}

  @Post('contact')
  @UseGuards(ContactFormSizeGuard, ContactFormRateLimitGuard)
  @ApiOperation({
    summary: 'Website contact form → a ticket; the ticket number (only) is sent to the given phone by SMS, or else by e-mail',
    description: 'Rate-limited per client address (429 with Retry-After). JSON or form-encoded, at most 64 KB (413).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '8–128 of A-Z a-z 0-9 . _ : - ; a retry with the same key and form answers the same ticket number',
  })
  @ApiCreatedResponse({ type: ContactFormReply })
  @ApiAcceptedResponse({ type: ContactFormReply, description: 'stored; the ticket is opened in a moment and its number sent by SMS or e-mail' })
  async submit(
    @Body() dto: ContactFormDto,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') key?: string,
  ): Promise<ContactFormReply> {
    if (dto.website) {
      this.logger.warn('contact form honeypot filled: answered as received, nothing stored');
      return { ticketNumber: null };
    }
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw new DomainError('invalid_input', 'Idempotency-Key must be 8–128 characters of A-Z a-z 0-9 . _ : -');
    const result = await this.forms.submit(
      {
        name: dto.name,
        message: dto.message,
        ...(dto.subject ? { subject: dto.subject } : {}),
        ...(dto.phone ? { phone: normalizeIdentityAddress('phone', dto.phone) as string } : {}),
        ...(dto.email ? { email: normalizeIdentityAddress('email', dto.email) as string } : {}),
      },
      key,
    );
    if (result.ticketNumber) return { ticketNumber: result.ticketNumber };
    res.status(HttpStatus.ACCEPTED);
    return { ticketNumber: null, message: 'received; your ticket number will be sent to you by SMS or e-mail shortly' };
  }
}
