import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError, decodeCursor, encodeCursor, normalizeEmailAddress } from '@app/common';
import { passwordHasher } from './password-hasher.js';
import { SessionService } from './session.service.js';
import type { Availability, Language, StaffRole } from './staff-role.js';
import { UserSkill } from './user-skill.entity.js';
import { TeamMembership } from './team-membership.entity.js';
import { Team } from './team.entity.js';
import { User } from './user.entity.js';

export interface CreateUserInput {
  name: string;
  email: string;
  password: string;
  role: StaffRole;
  preferredLanguage?: Language;
  teamIds?: string[];
}

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'email'>> & {
  email?: string;
  active?: boolean;
  availability?: Availability;
  /** Categories the officer is skilled for (automatic assignment of categories that require it). */
  skillCategoryIds?: string[];
};

/** What the API and the audit log show of a user: never the password hash. */
export interface UserView {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  active: boolean;
  preferredLanguage: Language;
  availability: Availability;
  teamIds: string[];
  skillCategoryIds: string[];
  createdAt: string;
  updatedAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    active: user.active,
    preferredLanguage: user.preferredLanguage,
    availability: user.availability,
    teamIds: (user.memberships ?? []).map((m) => m.teamId).sort(),
    skillCategoryIds: (user.skills ?? []).map((s) => s.categoryId).sort(),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

function auditable(view: UserView): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = view;
  return rest;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  private email(input: string): string {
    const email = normalizeEmailAddress(input);
    if (!email) throw new DomainError('invalid_input', 'email must be an e-mail address');
    return email;
  }

  async findByEmail(email: string): Promise<User | null> {
    const normalized = normalizeEmailAddress(email);
    return normalized ? this.users.findOneBy({ email: normalized }) : null;
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOne({
      where: { id },
      relations: { memberships: true },
    });
    if (!user) throw DomainError.notFound('User', id);
    return user;
  }

  async list(query: {
    role?: StaffRole;
    active?: boolean;
    teamId?: string;
    limit: number;
    cursor?: string;
  }): Promise<{ items: User[]; nextCursor: string | null }> {
    const qb = this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.memberships', 'm')
      .leftJoinAndSelect('u.skills', 'sk')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.teamId)
      qb.andWhere('EXISTS (SELECT 1 FROM team_memberships tm WHERE tm.user_id = u.id AND tm.team_id = :teamId)', { teamId: query.teamId });
    if (query.cursor) {
      const c = decodeCursor(query.cursor, ['name', 'id'] as const);
      qb.andWhere('(u.name, u.id) > (:name, :id::uuid)', {
        name: c.name,
        id: c.id,
      });
    }
    // Take ids first so the join does not break the limit.
    const ids = await qb
      .clone()
      .select('u.id', 'id')
      .addSelect('u.name', 'name')
      .limit(query.limit + 1)
      .getRawMany<{ id: string }>();
    const page = ids.slice(0, query.limit).map((r) => r.id);
    const items = page.length ? await qb.andWhere('u.id IN (:...page)', { page }).getMany() : [];
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: ids.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
    };
  }

  async create(input: CreateUserInput, actor: Actor): Promise<User> {
    const email = this.email(input.email);
    if (await this.users.existsBy({ email })) throw new DomainError('conflict', `a user with e-mail ${email} already exists`);
    const passwordHash = await passwordHasher.hash(input.password);
    const id = await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).save(
        manager.getRepository(User).create({
          name: input.name.trim(),
          email,
          passwordHash,
          role: input.role,
          preferredLanguage: input.preferredLanguage ?? 'ar',
          active: true,
        }),
      );
      await this.setTeams(manager.getRepository(TeamMembership), manager.getRepository(Team), user.id, input.teamIds ?? []);
      const after = auditable(
        toUserView({
          ...user,
          memberships: (input.teamIds ?? []).map((teamId) => ({
            teamId,
            userId: user.id,
          })),
        } as User),
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after,
          ip: actor.ip,
        },
        manager,
      );
      return user.id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateUserInput, actor: Actor): Promise<User> {
    const existing = await this.get(id);
    const before = auditable(toUserView(existing));
    const changes: Partial<User> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.email !== undefined) {
      const email = this.email(input.email);
      if (email !== existing.email && (await this.users.existsBy({ email })))
        throw new DomainError('conflict', `a user with e-mail ${email} already exists`);
      changes.email = email;
    }
    if (input.role !== undefined) changes.role = input.role;
    if (input.active !== undefined) changes.active = input.active;
    if (input.preferredLanguage !== undefined) changes.preferredLanguage = input.preferredLanguage;
    if (input.availability !== undefined) changes.availability = input.availability;
    if (input.password !== undefined) changes.passwordHash = await passwordHasher.hash(input.password);
    if (actor.id === id && (changes.active === false || (changes.role && changes.role !== 'admin' && existing.role === 'admin'))) {
      throw new DomainError('conflict', 'you cannot deactivate yourself or remove your own admin role');
    }
    await this.dataSource.transaction(async (manager) => {
      if (Object.keys(changes).length) await manager.getRepository(User).update(id, changes);
      if (input.teamIds) await this.setTeams(manager.getRepository(TeamMembership), manager.getRepository(Team), id, input.teamIds);
      if (input.skillCategoryIds) {
        await manager.getRepository(UserSkill).delete({ userId: id });
        const unique = [...new Set(input.skillCategoryIds)];
        if (unique.length) await manager.getRepository(UserSkill).insert(unique.map((categoryId) => ({ userId: id, categoryId })));
      }
      // A deactivated user, a role change or a new password ends every open session at once.
      if (changes.active === false || changes.role !== undefined || changes.passwordHash !== undefined) {
        await this.sessions.endAllForUser(id, manager);
      }
    });
    const updated = await this.get(id);
    const after = auditable(toUserView(updated));
    await this.audit.record({
      actorId: actor.id,
      action: changes.active === false ? 'user.deactivated' : 'user.updated',
      entityType: 'user',
      entityId: id,
      before,
      after: {
        ...after,
        ...(changes.passwordHash ? { passwordChanged: true } : {}),
      },
      ip: actor.ip,
    });
    return updated;
  }

  private async setTeams(memberships: Repository<TeamMembership>, teams: Repository<Team>, userId: string, teamIds: string[]): Promise<void> {
    const unique = [...new Set(teamIds)];
    if (unique.length) {
      const found = await teams.countBy({ id: In(unique) });
      if (found !== unique.length) throw new DomainError('invalid_input', 'teamIds contains a team that does not exist');
    }
    await memberships.delete({ userId });
    if (unique.length) await memberships.insert(unique.map((teamId) => ({ teamId, userId })));
  }
}
