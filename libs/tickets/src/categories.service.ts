import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { Team, User } from '@app/users';
import { Category } from './category.entity.js';

export interface CategoryInput {
  name: string;
  nameEn?: string | null;
  teamId?: string | null;
  competentOfficerId?: string | null;
  requiresSkill?: boolean;
  active?: boolean;
}

@Injectable()
export class CategoriesService {
  constructor(
    @InjectRepository(Category) private readonly categories: Repository<Category>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Category[]> {
    return this.categories.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<Category> {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw DomainError.notFound('Category', id);
    return category;
  }

  async create(input: CategoryInput, actor: Actor): Promise<Category> {
    await this.checkRefs(input);
    if (await this.categories.existsBy({ name: input.name.trim() }))
      throw new DomainError('conflict', `a category named ${input.name} already exists`);
    const saved = await this.categories.save(
      this.categories.create({
        name: input.name.trim(),
        nameEn: input.nameEn ?? null,
        teamId: input.teamId ?? null,
        competentOfficerId: input.competentOfficerId ?? null,
        requiresSkill: input.requiresSkill ?? false,
        active: input.active ?? true,
      }),
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'category.created',
      entityType: 'category',
      entityId: saved.id,
      after: { ...input },
      ip: actor.ip,
    });
    return saved;
  }

  async update(id: string, input: Partial<CategoryInput>, actor: Actor): Promise<Category> {
    const before = await this.get(id);
    await this.checkRefs(input);
    const changes: Partial<Omit<Category, 'id' | 'createdAt'>> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.nameEn !== undefined) changes.nameEn = input.nameEn;
    if (input.teamId !== undefined) changes.teamId = input.teamId;
    if (input.competentOfficerId !== undefined) changes.competentOfficerId = input.competentOfficerId;
    if (input.requiresSkill !== undefined) changes.requiresSkill = input.requiresSkill;
    if (input.active !== undefined) changes.active = input.active;
    if (Object.keys(changes).length) await this.categories.update(id, changes);
    await this.audit.record({
      actorId: actor.id,
      action: 'category.updated',
      entityType: 'category',
      entityId: id,
      before: { ...before },
      after: { ...input },
      ip: actor.ip,
    });
    return this.get(id);
  }

  private async checkRefs(input: Partial<CategoryInput>): Promise<void> {
    if (input.teamId && !(await this.dataSource.getRepository(Team).existsBy({ id: input.teamId })))
      throw new DomainError('invalid_input', `teamId ${input.teamId} does not exist`);
    if (input.competentOfficerId) {
      const user = await this.dataSource.getRepository(User).findOneBy({ id: input.competentOfficerId });
      if (!user) throw new DomainError('invalid_input', `competentOfficerId ${input.competentOfficerId} is not a staff member`);
      if (!user.active) throw new DomainError('invalid_input', `${user.name} is deactivated`);
    }
  }
}
