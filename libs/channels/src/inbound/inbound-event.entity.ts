import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@app/contacts';
import type { InboundContact } from '../core/channel-adapter.js';

export type InboundEventStatus = 'received' | 'processed' | 'ignored' | 'failed';

/**
 * Every inbound message, stored before the sender is answered: the outbox of ingestion.
 * A repeated delivery hits the unique (channel, external_id) and creates nothing.
 */
@Entity('inbound_events')
@Index('uq_inbound_events_channel_external_id', ['channel', 'externalId'], { unique: true })
@Index('idx_inbound_events_pending', ['status', 'receivedAt'])
export class InboundEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  externalId!: string;

  @Column({ type: 'jsonb' })
  payload!: InboundContact;

  @Column({ type: 'text', default: 'received' })
  status!: InboundEventStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'uuid', nullable: true })
  ticketId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  messageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
