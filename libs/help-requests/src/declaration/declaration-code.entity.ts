import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { HelpRequest } from '../intake/help-request.entity.js';

/** A one-time code sent to the applicant's mobile to sign the declaration. The code itself is never stored. */
@Entity('declaration_codes')
@Index('idx_declaration_codes_request', ['helpRequestId', 'createdAt'])
export class DeclarationCode {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'help_request_id' })
  helpRequest?: Relation<HelpRequest>;

  /** HMAC-SHA256 of the code, keyed from the application secret and bound to this row's id. */
  @Column({ type: 'text' })
  codeHash!: string;

  @Column({ type: 'text', default: 'sms' })
  channel!: string;

  /** The mobile it went to, masked (+9665•••••67). */
  @Column({ type: 'text' })
  sentToMasked!: string;

  /** The SHA-256 of the declared data the code confirms: if the data changes, the code no longer signs it. */
  @Column({ type: 'text' })
  dataHash!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'int', default: 5 })
  maxAttempts!: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  consumedAt!: Date | null;

  /** True when the SMS channel had no credentials: recorded, nothing sent. */
  @Column({ type: 'boolean', default: false })
  sandbox!: boolean;

  @Column({ type: 'uuid', nullable: true })
  requestedById!: string | null;

  @Column({ type: 'text', nullable: true })
  requestedIp!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
