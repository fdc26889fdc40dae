import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Contact, type Channel } from '@app/contacts';
import { Team, User } from '@app/users';
import { Category } from './category.entity.js';
import { Message } from './message.entity.js';
import type { TicketPriority, TicketStatus, TicketType } from './ticket-vocabulary.js';

@Entity('tickets')
@Index('idx_tickets_activity', ['lastActivityAt', 'id'])
@Index('idx_tickets_queue_activity', ['status', 'lastActivityAt', 'id'])
@Index('idx_tickets_team_queue', ['teamId', 'status', 'lastActivityAt', 'id'])
@Index('idx_tickets_assignee_queue', ['assigneeId', 'status', 'lastActivityAt', 'id'])
@Index('idx_tickets_contact', ['contactId', 'createdAt'])
@Index('idx_tickets_created', ['createdAt', 'id'])
@Index('idx_tickets_resolution_due', ['resolutionDueAt'], { where: "status IN ('new', 'open', 'pending')" })
@Index('idx_tickets_subject_trgm', { synchronize: false })
export class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-readable and unique: the Hijri year and a sequence within it, e.g. 1448-000123. */
  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  type!: TicketType;

  @Column({ type: 'text', default: 'new' })
  status!: TicketStatus;

  @Column({ type: 'text', default: 'normal' })
  priority!: TicketPriority;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => Category)
  @JoinColumn({ name: 'category_id' })
  category?: Relation<Category> | null;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @ManyToOne(() => Team)
  @JoinColumn({ name: 'team_id' })
  team?: Relation<Team> | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<User> | null;

  @Column({ type: 'int', default: 0 })
  escalationLevel!: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'timestamptz', nullable: true })
  firstResponseDueAt!: Date | null;

  // Millisecond precision like a JavaScript Date, so the `due` sort's cursor names a row exactly.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolutionDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstRespondedAt!: Date | null;

  /** The SLA policy the due times come from. */
  @Column({ type: 'uuid', nullable: true })
  slaPolicyId!: string | null;

  /** Set while the clock is stopped (pending on the contact, or with the committee). */
  @Column({ type: 'timestamptz', nullable: true })
  slaPausedAt!: Date | null;

  /** Working minutes the clock has been stopped so far; due times are pushed back by this much. */
  @Column({ type: 'numeric', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  slaPausedMinutes!: number;

  /** When the escalation level last went up (the next level follows one escalation step later). */
  @Column({ type: 'timestamptz', nullable: true })
  lastEscalatedAt!: Date | null;

  /** When routing rules were applied (null: not yet routed). */
  @Column({ type: 'timestamptz', nullable: true })
  routedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The staff member who opened it (calls, letters, visits); null when the contact wrote in. */
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  /** Normalised subject, for Arabic-aware search. */
  @Column({ type: 'text', default: '' })
  subjectSearch!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  /** Last message or status change; the queue's default order. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt!: Date;

  @OneToMany(() => Message, (m) => m.ticket)
  messages?: Relation<Message[]>;
}
