import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { Category } from '@app/tickets';
import { Team } from '@app/users';
import { POSITION_STEP, ruleOrderProblem } from './routing-rule-order.js';
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
      this.rules.create({ ...input, position: input.position ?? (last?.max ?? 0) + POSITION_STEP, active: input.active ?? true }),
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

  /**
   * Puts the rules in the given order (first match wins) in one transaction: positions become
   * 10, 20, 30 … The list must name every rule exactly once, so an order made from a stale list
   * (a rule added or deleted meanwhile) is refused rather than half applied.
   */
  async reorder(ids: string[], actor: Actor): Promise<RoutingRule[]> {
    await this.dataSource.transaction(async (manager) => {
      // Rule writes wait until this order is in; reads go on.
      await manager.query('LOCK TABLE routing_rules IN EXCLUSIVE MODE');
      const before = await manager.getRepository(RoutingRule).find({ order: { position: 'ASC', createdAt: 'ASC' } });
      const problem = ruleOrderProblem(
        before.map((r) => r.id),
        ids,
      );
      if (problem) throw new DomainError('invalid_input', problem, { fields: ['ids'] });
      await manager.query(
        `UPDATE routing_rules r SET position = o.n * ${POSITION_STEP}
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE r.id = o.id AND r.position <> o.n * ${POSITION_STEP}`,
        [ids],
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'routing_rule.reordered',
          entityType: 'routing_rule',
          before: { order: before.map((r) => ({ id: r.id, name: r.name })) },
          after: { order: ids.map((id) => ({ id, name: before.find((r) => r.id === id)!.name })) },
          ip: actor.ip,
        },
        manager,
      );
    });
    return this.list();
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
