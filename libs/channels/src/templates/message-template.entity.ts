import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Text the association sends automatically (acknowledgements, notices), per language and optionally per channel. */
@Entity('message_templates')
@Index('uq_message_templates_key_language_channel', ['key', 'language', 'channel'], { unique: true })
export class MessageTemplate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** e.g. `acknowledgement`. */
  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  language!: 'ar' | 'en';

  /** Empty string = any channel; a channel-specific row wins. */
  @Column({ type: 'text', default: '' })
  channel!: string;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  /** Text with {{variables}}, e.g. {{ticketNumber}}, {{name}}. */
  @Column({ type: 'text' })
  body!: string;

  /** Approved WhatsApp template to use outside the 24-hour window (Twilio ContentSid). */
  @Column({ type: 'text', nullable: true })
  whatsappContentSid!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
