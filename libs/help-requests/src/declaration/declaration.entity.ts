import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Attachment } from '@app/tickets';
import { HelpRequest } from '../intake/help-request.entity.js';
import { DeclarationCode } from './declaration-code.entity.js';

export const DECLARATION_METHODS = ['otp', 'paper'] as const;
export type DeclarationMethod = (typeof DECLARATION_METHODS)[number];

/**
 * The applicant's declaration that the data is correct and that they bear responsibility for it:
 * the exact canonical JSON declared and its SHA-256, how (one-time code or paper), when, from where.
 * A later change of the data voids it (voidedAt + reason); it is never edited otherwise.
 */
@Entity('help_request_declarations')
@Index('idx_help_request_declarations_request', ['helpRequestId', 'declaredAt'])
export class Declaration {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'help_request_id' })
  helpRequest?: Relation<HelpRequest>;

  @Column({ type: 'text' })
  method!: DeclarationMethod;

  /** sms (one-time code) or paper. */
  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  language!: 'ar' | 'en';

  /** The canonical JSON that was declared, byte for byte. */
  @Column({ type: 'text' })
  declaredJson!: string;

  /** SHA-256 (hex) of declaredJson. */
  @Column({ type: 'text' })
  dataHash!: string;

  @Column({ type: 'int' })
  dataVersion!: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  declaredAt!: Date;

  /** Where the code was entered, or the office computer that recorded the paper form. */
  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  /** The officer who entered the code with the applicant, or recorded the paper form; null when the applicant entered it. */
  @Column({ type: 'uuid', nullable: true })
  recordedById!: string | null;

  @Column({ type: 'uuid', nullable: true })
  codeId!: string | null;

  @ManyToOne(() => DeclarationCode)
  @JoinColumn({ name: 'code_id' })
  code?: Relation<DeclarationCode> | null;

  /** The scanned signed form (paper). */
  @Column({ type: 'uuid', nullable: true })
  attachmentId!: string | null;

  @ManyToOne(() => Attachment)
  @JoinColumn({ name: 'attachment_id' })
  attachment?: Relation<Attachment> | null;

  /** The date written on the paper form. */
  @Column({ type: 'date', nullable: true })
  signedOn!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  voidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  voidReason!: string | null;
}
