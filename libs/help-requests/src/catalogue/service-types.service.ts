import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '@app/audit';
import { type Actor, DomainError } from '@app/common';
import { catalogueErrors, type DocumentSpec, type FieldSpec, MIN_COMMITTEE_DAYS } from './service-type-spec.js';
import { ServiceType } from './service-type.entity.js';

export interface ServiceTypeInput {
  code: string;
  nameAr: string;
  nameEn: string;
  descriptionAr?: string | null;
  descriptionEn?: string | null;
  fields: FieldSpec[];
  documents: DocumentSpec[];
  committeeTargetDays: number;
  active?: boolean;
  sortOrder?: number;
}

/** The service catalogue: seeded by migration, maintained by admins; every change is audited. */
@Injectable()
export class ServiceTypesService {
  constructor(
    @InjectRepository(ServiceType) private readonly types: Repository<ServiceType>,
    private readonly audit: AuditService,
  ) {}

  list(activeOnly = false): Promise<ServiceType[]> {
    return this.types.find({ where: activeOnly ? { active: true } : {}, order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  async get(id: string): Promise<ServiceType> {
    const type = await this.types.findOneBy({ id });
    if (!type) throw DomainError.notFound('Service type', id);
    return type;
  }

  /** A service an application may be made for now; otherwise a 400 naming `field`. */
  async activeByCode(code: string, field = 'serviceType'): Promise<ServiceType> {
    const type = await this.types.findOneBy({ code });
    if (!type || !type.active) {
      const offered = (await this.list(true)).map((t) => t.code).join(', ');
      throw new DomainError('invalid_input', `${field} must be one of the offered services: ${offered}`, { fields: [field] });
    }
    return type;
  }

  async create(input: ServiceTypeInput, actor: Actor): Promise<ServiceType> {
    this.check(input);
    if (await this.types.existsBy({ code: input.code })) throw new DomainError('conflict', `service type ${input.code} already exists`);
    const saved = await this.types.save(
      this.types.create({
        ...input,
        descriptionAr: input.descriptionAr ?? null,
        descriptionEn: input.descriptionEn ?? null,
        active: input.active ?? true,
        sortOrder: input.sortOrder ?? 0,
      }),
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'service_type.created',
      entityType: 'service_type',
      entityId: saved.id,
      after: view(saved),
      ip: actor.ip,
    });
    return saved;
  }

  async update(id: string, changes: Partial<Omit<ServiceTypeInput, 'code'>>, actor: Actor): Promise<ServiceType> {
    const existing = await this.get(id);
    const next = this.types.merge(this.types.create(existing), changes);
    this.check(next);
    const saved = await this.types.save(next);
    await this.audit.record({
      actorId: actor.id,
      action: 'service_type.updated',
      entityType: 'service_type',
      entityId: id,
      before: view(existing),
      after: view(saved),
      ip: actor.ip,
    });
    return saved;
  }

  private check(input: Pick<ServiceTypeInput, 'fields' | 'documents' | 'committeeTargetDays'>): void {
    const errors = catalogueErrors(input);
    if (input.committeeTargetDays < MIN_COMMITTEE_DAYS)
      errors.push(`committeeTargetDays must be at least ${MIN_COMMITTEE_DAYS} (member support policy)`);
    if (errors.length) throw new DomainError('invalid_input', errors.join('; '));
  }
}

function view(t: ServiceType): Record<string, unknown> {
  return {
    code: t.code,
    nameAr: t.nameAr,
    nameEn: t.nameEn,
    fields: t.fields,
    documents: t.documents,
    committeeTargetDays: t.committeeTargetDays,
    active: t.active,
    sortOrder: t.sortOrder,
  };
}
