import { createHmac } from 'node:crypto';
import { sameBytes } from '@app/common';

/**
 * Links a contact can open without signing in, for files sent with a reply on SMS, WhatsApp or
 * social media (those channels carry a link, not the file). The link names one attachment and an
 * expiry, signed with a key derived from AUTH_SECRET; anything else is refused.
 */
export class AttachmentLinkSigner {
  constructor(private readonly key: Buffer) {}

  sign(attachmentId: string, expiresAt: Date): { expires: string; signature: string } {
    const expires = String(Math.floor(expiresAt.getTime() / 1000));
    return { expires, signature: this.mac(attachmentId, expires) };
  }

  url(baseUrl: string, attachmentId: string, expiresAt: Date): string {
    const { expires, signature } = this.sign(attachmentId, expiresAt);
    return `${baseUrl.replace(/\/$/, '')}/api/v1/public/attachments/${attachmentId}?expires=${expires}&signature=${signature}`;
  }

  verify(attachmentId: string, expires: string, signature: string, now = new Date()): 'ok' | 'expired' | 'invalid' {
    if (!/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return 'invalid';
    if (!sameBytes(this.mac(attachmentId, expires), signature)) return 'invalid';
    return Number(expires) * 1000 < now.getTime() ? 'expired' : 'ok';
  }

  private mac(attachmentId: string, expires: string): string {
    return createHmac('sha256', this.key).update(`${attachmentId}.${expires}`).digest('base64url');
  }
}
