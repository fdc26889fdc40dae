import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Public } from '@app/auth';
import { DomainError } from '@app/common';
import { AttachmentLinkSigner, AttachmentStore, TicketsService } from '@app/tickets';
import { ApiFileDownload } from '../common/api-file-download.js';

export class SignedLinkQuery {
  @IsString()
  @MaxLength(12)
  expires!: string;

  @IsString()
  @MaxLength(64)
  signature!: string;
}

/** Files sent to a contact as a link (SMS, WhatsApp, social media): only with a valid, unexpired signature. */
@ApiTags('public')
@Public()
@Controller('api/v1/public/attachments')
export class PublicAttachmentsController {
  constructor(
    private readonly links: AttachmentLinkSigner,
    private readonly tickets: TicketsService,
    private readonly store: AttachmentStore,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Download a file that was sent with a reply (signed link)' })
  @ApiFileDownload()
  async download(@Param('id', new ParseUUIDPipe()) id: string, @Query() q: SignedLinkQuery, @Res() res: Response): Promise<void> {
    const check = this.links.verify(id, q.expires, q.signature);
    if (check === 'invalid') throw new DomainError('forbidden', 'this link is not valid');
    if (check === 'expired') throw new DomainError('gone', 'this link has expired; ask the association to send the file again');
    const attachment = await this.tickets.sentAttachment(id);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    const stream = this.store.open(attachment.sha256);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
