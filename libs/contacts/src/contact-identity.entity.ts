import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { IdentityKind } from './contact-kinds.js';
import { Contact } from './contact.entity.js';

/** One way to reach a contact: a phone number in E.164, a lower-cased e-mail, or a social platform id. */
@Entity('contact_identities')
@Index('uq_contact_identities_kind_address', ['kind', 'address'], { unique: true })
@Index('idx_contact_identities_contact', ['contactId'])
export class ContactIdentity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => Contact, (c) => c.identities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  @Column({ type: 'text' })
  kind!: IdentityKind;

  @Column({ type: 'text' })
  address!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
