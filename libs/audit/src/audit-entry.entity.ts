import { Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to which record, with the state before and after. Append-only. */
@Entity('audit_log')
@Index('idx_audit_log_entity', ['entityType', 'entityId', 'createdAt'])
@Index('uq_audit_log_seq', ['seq'], { unique: true })
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Order of writing: entries of one transaction share a timestamp, so history is read in this order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  /** Null for the system itself (worker jobs, webhooks) and for failed sign-ins of unknown accounts. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  entityType!: string;

  @Column({ type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  // Millisecond precision so a JavaScript Date in a cursor matches the stored value exactly.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
