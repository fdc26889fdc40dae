import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Attachment } from '@app/tickets';
import { HelpRequest } from './help-request.entity.js';

export const VERIFICATION_RESULTS = ['matches', 'mismatch'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

/**
 * A document of an application: a file on the ticket, what it is, and until when it is valid.
 * The officer's verification (who, when, notes, result) holds for the data it was made against
 * (`verifiedDataHash`); a change of the data clears it.
 */
@Entity('help_request_documents')
@Index('idx_help_request_documents_request', ['helpRequestId', 'createdAt'])
export class HelpRequestDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'help_request_id' })
  helpRequest?: Relation<HelpRequest>;

  @Column({ type: 'uuid' })
  attachmentId!: string;

  @ManyToOne(() => Attachment)
  @JoinColumn({ name: 'attachment_id' })
  attachment?: Relation<Attachment>;

  /** A type from the service's catalogue (national_id_copy, family_record…) or another. */
  @Column({ type: 'text' })
  documentType!: string;

  @Column({ type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ type: 'text', nullable: true })
  verificationResult!: VerificationResult | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedById!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  verifiedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  verificationNotes!: string | null;

  /** requestDataHash of the data the officer compared the document with. */
  @Column({ type: 'text', nullable: true })
  verifiedDataHash!: string | null;

  @Column({ type: 'uuid', nullable: true })
  addedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
