import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/common';
import { AttachmentStore, type StoredFile } from '@app/tickets';
import { ChannelDeliveryError, type InboundAttachment } from '../core/channel-adapter.js';

const MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024;

export interface StoredAttachments {
  stored: StoredFile[];
  skipped: { filename: string; reason: string }[];
  downloaded: string[];
}

/**
 * Turns inbound attachments into stored files: inline parts are decoded, URLs are fetched
 * (with Twilio credentials for Twilio media, which may require them).
 */
@Injectable()
export class MediaDownloader {
  constructor(
    private readonly config: AppConfig,
    private readonly store: AttachmentStore,
  ) {}

  /** `downloaded` names the URLs whose files were fetched and stored (not those skipped). */
  async storeAll(attachments: InboundAttachment[]): Promise<StoredAttachments> {
    const stored: StoredFile[] = [];
    const skipped: { filename: string; reason: string }[] = [];
    const downloaded: string[] = [];
    for (const a of attachments) {
      try {
        const content = a.contentBase64 !== undefined ? Buffer.from(a.contentBase64, 'base64') : await this.download(a.url ?? '');
        stored.push(await this.store.save(content, a.filename, a.contentType));
        if (a.contentBase64 === undefined && a.url) downloaded.push(a.url);
      } catch (error) {
        if (error instanceof ChannelDeliveryError && error.retryable) throw error;
        // A refused type or size is recorded on the message; the text still reaches the ticket.
        skipped.push({ filename: a.filename, reason: (error as Error).message });
      }
    }
    return { stored, skipped, downloaded };
  }

  private async download(url: string): Promise<Buffer> {
    if (!/^https?:\/\//.test(url)) throw new Error(`attachment URL ${url} is not http(s)`);
    const headers: Record<string, string> = {};
    if (this.isTwilioMedia(url) && this.config.TWILIO_ACCOUNT_SID && this.config.TWILIO_AUTH_TOKEN) {
      headers.authorization = `Basic ${Buffer.from(`${this.config.TWILIO_ACCOUNT_SID}:${this.config.TWILIO_AUTH_TOKEN}`).toString('base64')}`;
    }
    let res: Response;
    try {
      res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(20_000) });
    } catch (error) {
      throw new ChannelDeliveryError(`could not fetch ${url}: ${(error as Error).message}`, true);
    }
    if (res.status >= 500 || res.status === 429) throw new ChannelDeliveryError(`fetching ${url} answered ${res.status}`, true);
    if (!res.ok) throw new Error(`fetching ${url} answered ${res.status}`);
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_DOWNLOAD_BYTES) throw new Error(`attachment at ${url} is larger than 25 MB`);
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_DOWNLOAD_BYTES) throw new Error(`attachment at ${url} is larger than 25 MB`);
    return body;
  }

  private isTwilioMedia(url: string): boolean {
    const host = new URL(url).host;
    const configured = this.config.TWILIO_API_BASE_URL ? new URL(this.config.TWILIO_API_BASE_URL).host : null;
    return host === 'twilio.com' || host.endsWith('.twilio.com') || host === configured;
  }
}
