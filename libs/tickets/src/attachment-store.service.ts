import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig, DomainError } from '@app/common';

/** Types officers and contacts may send: documents, images, audio (voicemail) and plain text. */
export const ALLOWED_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
  'audio/x-wav',
  'audio/amr',
  'audio/mp4',
  'video/mp4',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export interface StoredFile {
  sha256: string;
  size: number;
  contentType: string;
  filename: string;
}

/**
 * Files on disk under DATA_DIR/attachments, addressed by the SHA-256 of their content.
 * Identical files are kept once; the database row carries the name and type.
 */
@Injectable()
export class AttachmentStore {
  private readonly root: string;

  constructor(config: AppConfig) {
    this.root = resolve(config.DATA_DIR, 'attachments');
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  check(contentType: string, size: number, filename: string): void {
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (!ALLOWED_ATTACHMENT_TYPES.includes(type)) throw new DomainError('invalid_input', `attachment ${filename}: type ${type} is not accepted`);
    if (size > MAX_ATTACHMENT_BYTES)
      throw new DomainError('invalid_input', `attachment ${filename} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
    if (size === 0) throw new DomainError('invalid_input', `attachment ${filename} is empty`);
  }

  async save(content: Buffer, filename: string, contentType: string): Promise<StoredFile> {
    const safeName = sanitizeFilename(filename);
    this.check(contentType, content.length, safeName);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const target = this.pathOf(sha256);
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(join(target, '..'), { recursive: true });
      // Write then rename, so a crash never leaves a half file under the final name.
      const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, content);
      await rename(temp, target);
    }
    return { sha256, size: content.length, contentType: contentType.split(';')[0].trim().toLowerCase(), filename: safeName };
  }

  open(sha256: string): ReadStream {
    if (!/^[a-f0-9]{64}$/.test(sha256)) throw new DomainError('not_found', 'attachment content was not found');
    return createReadStream(this.pathOf(sha256));
  }
}

/** Keeps a readable name (Arabic included) without path separators or control characters. */
export function sanitizeFilename(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 180);
  return cleaned || 'attachment';
}
