import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

const minutes = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** Targets in working minutes for tickets of a priority and/or type (both empty = the default policy). */
@Entity('sla_policies')
export class SlaPolicy {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  priority!: string | null;

  @Column({ type: 'text', nullable: true })
  ticketType!: string | null;

  /** Working minutes; fractions allowed (short targets for drills and tests). */
  @Column({ type: 'numeric', transformer: minutes })
  firstResponseMinutes!: number;

  @Column({ type: 'numeric', transformer: minutes })
  resolutionMinutes!: number;

  /** Time between escalation levels once a target is breached (wall-clock minutes). */
  @Column({ type: 'numeric', transformer: minutes, default: 60 })
  escalationStepMinutes!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
