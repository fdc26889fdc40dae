import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { MessageTemplate } from './message-template.entity.js';
import { renderTemplate } from './template-render.js';

export interface RenderedTemplate {
  subject: string | null;
  body: string;
  whatsappContentSid: string | null;
}

@Injectable()
export class MessageTemplatesService {
  private readonly recent = new Map<string, { at: number; rows: MessageTemplate[] }>();

  constructor(
    @InjectRepository(MessageTemplate) private readonly templates: Repository<MessageTemplate>,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<MessageTemplate[]> {
    return this.templates.find({ order: { key: 'ASC', language: 'ASC', channel: 'ASC' } });
  }

  /**
   * The template for a key in the language (falling back to Arabic), preferring a channel-specific one.
   * `maxAgeMs`: the key's templates may come from memory read that long ago (hot paths; a change made
   * in another process shows after at most that time, one made here at once).
   */
  async render(
    key: string,
    language: 'ar' | 'en',
    channel: string,
    variables: Record<string, string | number | null | undefined>,
    options: { maxAgeMs?: number } = {},
  ): Promise<RenderedTemplate> {
    const rows = (await this.rowsOf(key, options.maxAgeMs ?? 0)).filter(
      (t) => (t.language === language || t.language === 'ar') && (t.channel === channel || t.channel === ''),
    );
    const score = (t: MessageTemplate) => (t.language === language ? 2 : 0) + (t.channel === channel ? 1 : 0);
    const best = rows.sort((a, b) => score(b) - score(a))[0];
    if (!best) throw new DomainError('not_found', `no message template ${key}`);
    return {
      subject: best.subject ? renderTemplate(best.subject, variables) : null,
      body: renderTemplate(best.body, variables),
      whatsappContentSid: best.whatsappContentSid,
    };
  }

  private async rowsOf(key: string, maxAgeMs: number): Promise<MessageTemplate[]> {
    const cached = this.recent.get(key);
    if (cached && Date.now() - cached.at < maxAgeMs) return cached.rows;
    const rows = await this.templates.findBy({ key });
    this.recent.set(key, { at: Date.now(), rows });
    return rows;
  }

  async upsert(
    input: { key: string; language: 'ar' | 'en'; channel?: string; subject?: string | null; body: string; whatsappContentSid?: string | null },
    actor: Actor,
  ): Promise<MessageTemplate> {
    const channel = input.channel ?? '';
    const existing = await this.templates.findOneBy({ key: input.key, language: input.language, channel });
    const saved = await this.templates.save(
      this.templates.create({
        ...(existing ?? {}),
        key: input.key,
        language: input.language,
        channel,
        subject: input.subject ?? null,
        body: input.body,
        whatsappContentSid: input.whatsappContentSid ?? null,
      }),
    );
    this.recent.delete(input.key);
    await this.audit.record({
      actorId: actor.id,
      action: existing ? 'template.updated' : 'template.created',
      entityType: 'message_template',
      entityId: saved.id,
      before: existing ? { subject: existing.subject, body: existing.body } : null,
      after: { key: saved.key, language: saved.language, channel: saved.channel, subject: saved.subject, body: saved.body },
      ip: actor.ip,
    });
    return saved;
  }
}
