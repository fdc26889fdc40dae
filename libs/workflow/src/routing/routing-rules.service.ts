import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { Category } from '@app/tickets';
import { Team } from '@app/users';
import { RoutingRule } from './routing-rule.entity.js';
import type { RuleActions, RuleConditions } from './routing-rules.js';

export interface RoutingRuleInput {
  name: string;
  position?: number;
  active?: boolean;
  conditions: RuleConditions;
  actions: RuleActions;
}

@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectRepository(RoutingRule) private readonly rules: Repository<RoutingRule>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<RoutingRule[]> {
    return this.rules.find({ order: { position: 'ASC', createdAt: 'ASC' } });
  }

  async create(input: RoutingRuleInput, actor: Actor): Promise<RoutingRule> {
    await this.check(input.actions, input.conditions);
    const last = await this.rules.createQueryBuilder('r').select('MAX(r.position)', 'max').getRawOne<{ max: number | null }>();
    const saved = await this.rules.save(
      this.rules.create({ ...input, position: input.position ?? (last?.max ?? 0) + 10, active: input.active ?? true }),
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'routing_rule.created',
      entityType: 'routing_rule',
      entityId: saved.id,
      after: { ...input },
      ip: actor.ip,
    });
    return saved;
  }

  async update(id: string, input: Partial<RoutingRuleInput>, actor: Actor): Promise<RoutingRule> {
    const existing = await this.rules.findOneBy({ id });
    if (!existing) throw DomainError.notFound('Routing rule', id);
    await this.check(input.actions, input.conditions);
    const saved = await this.rules.save(this.rules.merge(existing, input as Partial<RoutingRule>));
    await this.audit.record({
      actorId: actor.id,
      action: 'routing_rule.updated',
      entityType: 'routing_rule',
      entityId: id,
      after: { ...input },
      ip: actor.ip,
    });
    return saved;
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const existing = await this.rules.findOneBy({ id });
    if (!existing) throw DomainError.notFound('Routing rule', id);
    await this.rules.delete(id);
    await this.audit.record({
      actorId: actor.id,
      action: 'routing_rule.deleted',
      entityType: 'routing_rule',
      entityId: id,
      before: { name: existing.name, conditions: existing.conditions, actions: existing.actions } as never,
      ip: actor.ip,
    });
  }

  private async check(actions?: RuleActions, conditions?: RuleConditions): Promise<void> {
    if (actions?.teamId && !(await this.dataSource.getRepository(Team).existsBy({ id: actions.teamId })))
      throw new DomainError('invalid_input', `actions.teamId ${actions.teamId} does not exist`);
    for (const id of [actions?.categoryId, ...(conditions?.categoryIds ?? [])].filter((x): x is string => !!x)) {
      if (!(await this.dataSource.getRepository(Category).existsBy({ id }))) throw new DomainError('invalid_input', `category ${id} does not exist`);
    }
  }
}
