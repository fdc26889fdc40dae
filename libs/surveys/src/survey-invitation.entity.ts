import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Channel } from '@app/contacts';
import { Ticket, type TicketType } from '@app/tickets';

/**
 * One satisfaction survey per ticket (unique), with the SHA-256 hashes of its link tokens (the
 * invitation's and the reminder's) and a snapshot of the ticket taken when it was sent, so results
 * stay stable when the ticket is later moved to another team or officer.
 */
@Entity('survey_invitations')
@Index('uq_survey_invitations_ticket', ['ticketId'], { unique: true })
@Index('uq_survey_invitations_token_hash', ['tokenHash'], { unique: true })
@Index('uq_survey_invitations_reminder_token_hash', ['reminderTokenHash'], { unique: true, where: 'reminder_token_hash IS NOT NULL' })
@Index('idx_survey_invitations_sent', ['sentAt'])
@Index('idx_survey_invitations_contact', ['contactId'])
export class SurveyInvitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'uuid' })
  contactId!: string;

  /** SHA-256 (hex) of the invitation link's token; the token itself is never stored here. */
  @Column({ type: 'text' })
  tokenHash!: string;

  /** SHA-256 (hex) of the reminder link's token; both links lead to the same survey. */
  @Column({ type: 'text', nullable: true })
  reminderTokenHash!: string | null;

  /** How it went: sms, whatsapp, whatsapp_template, email or social. */
  @Column({ type: 'text', nullable: true })
  via!: string | null;

  @Column({ type: 'text' })
  language!: 'ar' | 'en';

  // Snapshot of the ticket when the survey was sent (filters and groups of the results).
  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  ticketType!: TicketType;

  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  /** The officer the ticket was assigned to when it was resolved. */
  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  messageId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reminderMessageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  answeredAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  optedOutAt!: Date | null;
}
