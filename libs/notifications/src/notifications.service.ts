import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { AppConfig, decodeCursor, encodeCursor } from '@app/common';
import { ChannelRegistry } from '@app/channels';
import { RealtimePublisher } from '@app/realtime';
import { User } from '@app/users';
import { Notification } from './notification.entity.js';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  ticketId?: string | null;
}

/**
 * Tells staff what needs them: a row per person (list, unread count, mark read), a live push to
 * their console, and an e-mail copy when outbound e-mail is configured.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly realtime: RealtimePublisher,
    private readonly registry: ChannelRegistry,
    private readonly config: AppConfig,
  ) {}

  async notify(userIds: (string | null | undefined)[], input: NotificationInput): Promise<Notification[]> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (!ids.length) return [];
    const rows = await this.notifications.save(
      ids.map((userId) =>
        this.notifications.create({ userId, kind: input.kind, title: input.title, body: input.body ?? '', ticketId: input.ticketId ?? null }),
      ),
    );
    for (const row of rows) {
      await this.realtime.publish({ type: 'notification.created', payload: { notification: row }, audience: { userIds: [row.userId] } });
    }
    await this.emailCopies(ids, input);
    return rows;
  }

  async list(
    userId: string,
    query: { unreadOnly?: boolean; limit: number; cursor?: string },
  ): Promise<{ items: Notification[]; unreadCount: number; nextCursor: string | null }> {
    const qb = this.notifications
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(query.limit + 1);
    if (query.unreadOnly) qb.andWhere('n.read_at IS NULL');
    if (query.cursor) {
      const c = decodeCursor(query.cursor, ['t', 'id'] as const);
      qb.andWhere('(n.created_at, n.id) < (:t::timestamptz, :id::uuid)', { t: c.t, id: c.id });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    const unreadCount = await this.notifications.countBy({ userId, readAt: IsNull() });
    return {
      items,
      unreadCount,
      nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
    };
  }

  async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    const where = ids === 'all' ? { userId, readAt: IsNull() } : { userId, id: In(ids), readAt: IsNull() };
    const result = await this.notifications.update(where, { readAt: new Date() });
    return result.affected ?? 0;
  }

  private async emailCopies(userIds: string[], input: NotificationInput): Promise<void> {
    const email = this.registry.get('email');
    if (!email.isLive()) return;
    const users = await this.users.findBy({ id: In(userIds), active: true });
    for (const user of users) {
      try {
        await email.send({
          messageId: `notification-${Date.now()}`,
          ticketId: input.ticketId ?? '',
          ticketNumber: '',
          to: user.email,
          subject: input.title,
          text: `${input.body ?? ''}\n\n${this.config.PUBLIC_BASE_URL}/${input.ticketId ? `tickets/${input.ticketId}` : ''}`,
          attachments: [],
          automatic: true,
        });
      } catch (error) {
        // The in-app notification is what counts; a failed copy is only logged.
        this.logger.warn(`e-mail copy of a notification to ${user.id} failed: ${(error as Error).message}`);
      }
    }
  }
}
