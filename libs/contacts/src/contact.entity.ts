import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { Channel, ContactKind } from './contact-kinds.js';
import { ContactIdentity } from './contact-identity.entity.js';

@Entity('contacts')
// GIN trigram index on search_text, created in the migration (TypeORM cannot express operator classes).
@Index('idx_contacts_search_trgm', { synchronize: false })
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', default: 'public' })
  kind!: ContactKind;

  @Column({ type: 'text' })
  name!: string;

  /** General Assembly membership number, for members. */
  @Index('uq_contacts_membership_number', { unique: true, where: 'membership_number IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  membershipNumber!: string | null;

  @Column({ type: 'text', default: 'ar' })
  preferredLanguage!: 'ar' | 'en';

  @Column({ type: 'text', nullable: true })
  preferredChannel!: Channel | null;

  /** Agreed to be contacted on their channels beyond answering their own request. */
  @Column({ type: 'boolean', default: false })
  consentToContact!: boolean;

  @Column({ type: 'boolean', default: false })
  surveyOptOut!: boolean;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  /** AES-256-GCM ciphertext; never returned in full except through the audited reveal call. */
  @Column({ type: 'text', nullable: true })
  nationalIdEncrypted!: string | null;

  /** Keyed hash of the national ID, for look-ups without decrypting. */
  @Index('uq_contacts_national_id_hash', { unique: true, where: 'national_id_hash IS NOT NULL AND merged_into_id IS NULL' })
  @Column({ type: 'text', nullable: true })
  nationalIdHash!: string | null;

  /** The ID with all but its first and last digit hidden, e.g. 1••••••••8. */
  @Column({ type: 'text', nullable: true })
  nationalIdMasked!: string | null;

  /** Normalised name and identities (libs/common normalizeSearchText), for Arabic-aware search. */
  @Column({ type: 'text', default: '' })
  searchText!: string;

  /** Set when this contact was merged into another; it then only keeps history. */
  @Index('idx_contacts_merged_into')
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId!: string | null;

  @OneToMany(() => ContactIdentity, (i) => i.contact)
  identities?: Relation<ContactIdentity[]>;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
