import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Contact } from '@app/contacts';
import { Ticket } from '@app/tickets';
import { BeneficiaryFile } from '../beneficiary/beneficiary-file.entity.js';
import { ServiceType } from '../catalogue/service-type.entity.js';
import type { HouseholdMemberRecord } from './household.js';

export const HELP_REQUEST_STATUSES = ['intake', 'with_committee', 'awaiting_info', 'decided'] as const;
/** intake: being completed · with_committee: handed off · awaiting_info: the committee asked for more · decided: final decision recorded. */
export type HelpRequestStatus = (typeof HELP_REQUEST_STATUSES)[number];

export const HELP_REQUEST_SOURCES = ['public_form', 'staff', 'portal'] as const;
export type HelpRequestSource = (typeof HELP_REQUEST_SOURCES)[number];

/**
 * An application for aid, one per `help_request` ticket. The applicant is the ticket's contact
 * (their national ID is kept encrypted on the contact, never here); household members' IDs are
 * kept encrypted in `household`.
 */
@Entity('help_requests')
@Index('idx_help_requests_status_due', ['status', 'committeeDueAt'])
@Index('idx_help_requests_contact', ['contactId', 'createdAt'])
@Index('idx_help_requests_service_type', ['serviceTypeId', 'status'])
export class HelpRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_help_requests_ticket', { unique: true })
  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => Ticket)
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Column({ type: 'uuid' })
  serviceTypeId!: string;

  @ManyToOne(() => ServiceType)
  @JoinColumn({ name: 'service_type_id' })
  serviceType?: Relation<ServiceType>;

  @Column({ type: 'text', default: 'intake' })
  status!: HelpRequestStatus;

  @Column({ type: 'text' })
  source!: HelpRequestSource;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  household!: HouseholdMemberRecord[];

  /** Answers to the service type's fields, checked against the catalogue. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  fields!: Record<string, unknown>;

  /** Goes up with every change of the data; verification findings and declarations name the data they were made for. */
  @Column({ type: 'int', default: 1 })
  dataVersion!: number;

  @Column({ type: 'uuid', nullable: true })
  beneficiaryFileId!: string | null;

  @ManyToOne(() => BeneficiaryFile)
  @JoinColumn({ name: 'beneficiary_file_id' })
  beneficiaryFile?: Relation<BeneficiaryFile> | null;

  /** SHA-256 of the public form's Idempotency-Key: a retry answers the same ticket number. */
  @Index('uq_help_requests_submission_key', { unique: true, where: 'submission_key IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  submissionKey!: string | null;

  /** SHA-256 of the submitted form, to tell a retry from a different form under the same key. */
  @Column({ type: 'text', nullable: true })
  submissionFingerprint!: string | null;

  /** Hand-offs so far; each one is a round on the committee board. */
  @Column({ type: 'int', default: 0 })
  handoffRound!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  firstHandedOffAt!: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  handedOffAt!: Date | null;

  /** When the committee's decision is due (told to the applicant); moves only when the clock resumes after a pause. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  committeeDueAt!: Date | null;

  /** Set while the committee waits for information it asked for; the clock is stopped. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  clockPausedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  clockRemainingSeconds!: number | null;

  /** Total time the clock was stopped. */
  @Column({ type: 'int', default: 0 })
  clockPausedSeconds!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
