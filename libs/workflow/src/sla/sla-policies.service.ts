import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { SlaPolicy } from './sla-policy.entity.js';

export interface SlaPolicyInput {
  name: string;
  priority?: string | null;
  ticketType?: string | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  escalationStepMinutes?: number;
  active?: boolean;
}

@Injectable()
export class SlaPoliciesService {
  constructor(
    @InjectRepository(SlaPolicy) private readonly policies: Repository<SlaPolicy>,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<SlaPolicy[]> {
    return this.policies.find({ order: { createdAt: 'ASC' } });
  }

  async create(input: SlaPolicyInput, actor: Actor): Promise<SlaPolicy> {
    this.check(input);
    await this.unique(input.priority ?? null, input.ticketType ?? null, null);
    const saved = await this.policies.save(
      this.policies.create({
        ...input,
        priority: input.priority ?? null,
        ticketType: input.ticketType ?? null,
        escalationStepMinutes: input.escalationStepMinutes ?? 60,
        active: input.active ?? true,
      }),
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'sla_policy.created',
      entityType: 'sla_policy',
      entityId: saved.id,
      after: { ...input },
      ip: actor.ip,
    });
    return saved;
  }

  async update(id: string, input: Partial<SlaPolicyInput>, actor: Actor): Promise<SlaPolicy> {
    const existing = await this.policies.findOneBy({ id });
    if (!existing) throw DomainError.notFound('SLA policy', id);
    const merged = this.policies.merge(this.policies.create(existing), input as Partial<SlaPolicy>);
    this.check(merged);
    await this.unique(merged.priority, merged.ticketType, id);
    const saved = await this.policies.save(merged);
    await this.audit.record({
      actorId: actor.id,
      action: 'sla_policy.updated',
      entityType: 'sla_policy',
      entityId: id,
      before: { ...existing },
      after: { ...input },
      ip: actor.ip,
    });
    return saved;
  }

  private check(p: { firstResponseMinutes: number; resolutionMinutes: number }): void {
    if (p.firstResponseMinutes > p.resolutionMinutes)
      throw new DomainError('invalid_input', 'firstResponseMinutes must not be longer than resolutionMinutes');
  }

  private async unique(priority: string | null, ticketType: string | null, except: string | null): Promise<void> {
    const clash = await this.policies.findOneBy({
      priority: priority === null ? IsNull() : priority,
      ticketType: ticketType === null ? IsNull() : ticketType,
      active: true,
      ...(except ? { id: Not(except) } : {}),
    });
    if (clash)
      throw new DomainError(
        'conflict',
        `an active policy for priority ${priority ?? 'any'} and type ${ticketType ?? 'any'} already exists (${clash.name})`,
      );
  }
}
