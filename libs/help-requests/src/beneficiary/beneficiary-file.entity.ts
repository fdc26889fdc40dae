import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Contact } from '@app/contacts';
import type { HouseholdMemberRecord } from '../intake/household.js';

/** A registered beneficiary: one file per person, numbered for people to quote, with the household as last verified. */
@Entity('beneficiary_files')
export class BeneficiaryFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Human-readable and unique, e.g. BF-000123. */
  @Index('uq_beneficiary_files_file_number', { unique: true })
  @Column({ type: 'text' })
  fileNumber!: string;

  @Index('uq_beneficiary_files_contact', { unique: true })
  @Column({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  /** National IDs only encrypted, as on the help request. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  household!: HouseholdMemberRecord[];

  /** The help request whose complete intake registered the person. */
  @Column({ type: 'uuid', nullable: true })
  firstHelpRequestId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  registeredById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  registeredAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
