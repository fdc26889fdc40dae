import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { AppConfig } from '@app/common';
import { UserSession } from './user-session.entity.js';

/** Sessions of signed-in staff: opened at sign-in, renewed by activity, ended by sign-out or deactivation. */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(UserSession)
    private readonly sessions: Repository<UserSession>,
    private readonly config: AppConfig,
  ) {}

  private idleMs(): number {
    return this.config.SESSION_IDLE_MINUTES * 60_000;
  }

  async open(userId: string, ip: string | null, userAgent: string | null): Promise<UserSession> {
    const now = new Date();
    return this.sessions.save(
      this.sessions.create({
        userId,
        ip,
        userAgent: userAgent?.slice(0, 300) ?? null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.idleMs()),
      }),
    );
  }

  /** The session when it is still open, renewing its idle deadline at most once a minute. */
  async touch(sessionId: string): Promise<UserSession | null> {
    const session = await this.sessions.findOneBy({
      id: sessionId,
      endedAt: IsNull(),
    });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now) return null;
    if (now - session.lastSeenAt.getTime() > 60_000) {
      session.lastSeenAt = new Date(now);
      session.expiresAt = new Date(now + this.idleMs());
      await this.sessions.update(session.id, {
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
      });
    }
    return session;
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, endedAt: IsNull() }, { endedAt: new Date() });
  }

  async endAllForUser(userId: string, manager?: EntityManager): Promise<number> {
    const repo = manager ? manager.getRepository(UserSession) : this.sessions;
    const result = await repo.update({ userId, endedAt: IsNull() }, { endedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Removes sessions that ended or expired more than a week ago. */
  async purgeOld(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - 7 * 24 * 3600_000);
    const result = await this.sessions.createQueryBuilder().delete().where('expires_at < :cutoff OR ended_at < :cutoff', { cutoff }).execute();
    return result.affected ?? 0;
  }
}
