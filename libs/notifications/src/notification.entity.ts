import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notice to one staff member (SLA warning, escalation, referral, reminder). */
@Entity('notifications')
@Index('idx_notifications_user', ['userId', 'createdAt'])
@Index('idx_notifications_unread', ['userId'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  /** e.g. sla.warning, sla.breach, ticket.escalated, ticket.referred, ticket.assigned */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
