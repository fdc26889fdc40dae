import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { TeamMembership } from './team-membership.entity.js';
import { Team } from './team.entity.js';
import { User } from './user.entity.js';

export interface TeamInput {
  name: string;
  nameEn?: string | null;
  memberIds?: string[];
  assignmentMode?: 'manual' | 'round_robin' | 'least_loaded';
  maxOpenPerOfficer?: number;
  calendarId?: string | null;
}

export interface TeamView {
  id: string;
  name: string;
  nameEn: string | null;
  assignmentMode: string;
  maxOpenPerOfficer: number;
  calendarId: string | null;
  members: { id: string; name: string; role: string }[];
}

@Injectable()
export class TeamsService {
  constructor(
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TeamView[]> {
    const teams = await this.teams.find({ relations: { memberships: { user: true } }, order: { name: 'ASC' } });
    return teams.map(toTeamView);
  }

  async get(id: string): Promise<TeamView> {
    const team = await this.teams.findOne({ where: { id }, relations: { memberships: { user: true } } });
    if (!team) throw DomainError.notFound('Team', id);
    return toTeamView(team);
  }

  async create(input: TeamInput, actor: Actor): Promise<TeamView> {
    if (await this.teams.existsBy({ name: input.name.trim() })) throw new DomainError('conflict', `a team named ${input.name} already exists`);
    const id = await this.dataSource.transaction(async (manager) => {
      const team = await manager.getRepository(Team).save(
        manager.getRepository(Team).create({
          name: input.name.trim(),
          nameEn: input.nameEn ?? null,
          assignmentMode: input.assignmentMode ?? 'manual',
          maxOpenPerOfficer: input.maxOpenPerOfficer ?? 15,
          calendarId: input.calendarId ?? null,
        }),
      );
      await this.setMembers(manager.getRepository(TeamMembership), manager.getRepository(User), team.id, input.memberIds ?? []);
      await this.audit.record(
        { actorId: actor.id, action: 'team.created', entityType: 'team', entityId: team.id, after: { ...input }, ip: actor.ip },
        manager,
      );
      return team.id;
    });
    return this.get(id);
  }

  async update(id: string, input: Partial<TeamInput>, actor: Actor): Promise<TeamView> {
    const before = await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      const changes: Partial<Pick<Team, 'name' | 'nameEn' | 'assignmentMode' | 'maxOpenPerOfficer' | 'calendarId'>> = {};
      if (input.name !== undefined) changes.name = input.name.trim();
      if (input.nameEn !== undefined) changes.nameEn = input.nameEn;
      if (input.assignmentMode !== undefined) changes.assignmentMode = input.assignmentMode;
      if (input.maxOpenPerOfficer !== undefined) changes.maxOpenPerOfficer = input.maxOpenPerOfficer;
      if (input.calendarId !== undefined) changes.calendarId = input.calendarId;
      if (Object.keys(changes).length) await manager.getRepository(Team).update(id, changes);
      if (input.memberIds) await this.setMembers(manager.getRepository(TeamMembership), manager.getRepository(User), id, input.memberIds);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'team.updated',
          entityType: 'team',
          entityId: id,
          before: { name: before.name, memberIds: before.members.map((m) => m.id) },
          after: { ...input },
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.get(id);
  }

  private async setMembers(memberships: Repository<TeamMembership>, users: Repository<User>, teamId: string, memberIds: string[]): Promise<void> {
    const unique = [...new Set(memberIds)];
    if (unique.length && (await users.countBy({ id: In(unique) })) !== unique.length) {
      throw new DomainError('invalid_input', 'memberIds contains a user that does not exist');
    }
    await memberships.delete({ teamId });
    if (unique.length) await memberships.insert(unique.map((userId) => ({ teamId, userId })));
  }
}

function toTeamView(team: Team): TeamView {
  return {
    id: team.id,
    name: team.name,
    nameEn: team.nameEn,
    assignmentMode: team.assignmentMode,
    maxOpenPerOfficer: team.maxOpenPerOfficer,
    calendarId: team.calendarId,
    members: (team.memberships ?? [])
      .filter((m) => m.user)
      .map((m) => ({ id: m.user!.id, name: m.user!.name, role: m.user!.role }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ar')),
  };
}
