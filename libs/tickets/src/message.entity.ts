import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Channel } from '@app/contacts';
import { Attachment } from './attachment.entity.js';
import { Ticket } from './ticket.entity.js';
import type { DeliveryStatus, MessageDirection } from './ticket-vocabulary.js';

@Entity('messages')
@Index('idx_messages_ticket', ['ticketId', 'createdAt'])
@Index('uq_messages_channel_external_id', ['channel', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index('idx_messages_search_trgm', { synchronize: false })
@Index('idx_messages_search_pairs', { synchronize: false })
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @ManyToOne(() => Ticket, (t) => t.messages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;

  @Column({ type: 'text' })
  direction!: MessageDirection;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'uuid', nullable: true })
  authorContactId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  authorUserId!: string | null;

  @Column({ type: 'text' })
  body!: string;

  /** Sanitised HTML for channels that have it (e-mail); never rendered raw. */
  @Column({ type: 'text', nullable: true })
  bodyHtml!: string | null;

  @Column({ type: 'text', nullable: true })
  deliveryStatus!: DeliveryStatus | null;

  /** The provider's reason when delivery failed. */
  @Column({ type: 'text', nullable: true })
  deliveryError!: string | null;

  /** The provider's id (Twilio MessageSid, e-mail Message-ID, Meta mid). */
  @Column({ type: 'text', nullable: true })
  externalId!: string | null;

  /** Channel facts worth keeping: e-mail headers for threading, WhatsApp profile name, call duration. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  meta!: Record<string, unknown>;

  @Column({ type: 'text', default: '' })
  searchText!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @OneToMany(() => Attachment, (a) => a.message)
  attachments?: Relation<Attachment[]>;
}
