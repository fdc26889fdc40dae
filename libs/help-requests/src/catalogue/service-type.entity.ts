import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentSpec, FieldSpec } from './service-type-spec.js';

/** One service of the member support policy (financial aid, rent, food basket…), with what an application must contain. */
@Entity('service_types')
@Check('chk_service_types_committee_days', '"committee_target_days" >= 14')
export class ServiceType {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable key used by forms and reports, e.g. `rent`. */
  @Index('uq_service_types_code', { unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  nameAr!: string;

  @Column({ type: 'text' })
  nameEn!: string;

  @Column({ type: 'text', nullable: true })
  descriptionAr!: string | null;

  @Column({ type: 'text', nullable: true })
  descriptionEn!: string | null;

  /** The answers the service needs (name, type, required). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  fields!: FieldSpec[];

  /** The documents the service needs, and which of them carry an expiry date. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  documents!: DocumentSpec[];

  /** Days the research committee is given to decide; at least 14 (member support policy). */
  @Column({ type: 'int', default: 14 })
  committeeTargetDays!: number;

  /** Inactive services are not offered on the form; requests already made keep them. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
