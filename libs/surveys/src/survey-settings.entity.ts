import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Channel } from '@app/contacts';
import type { TicketType } from '@app/tickets';
import type { SurveyQuestion } from './survey-questions.js';

/**
 * The association's survey settings: one row (id 1), edited by admins. Until an admin saves
 * them, the defaults in survey-settings.service.ts apply.
 */
@Entity('survey_settings')
@Check('chk_survey_settings_single_row', '"id" = 1')
export class SurveySettings {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** Ticket channels whose contacts are surveyed. */
  @Column({ type: 'text', array: true })
  channels!: Channel[];

  /** Ticket types that are surveyed. */
  @Column({ type: 'text', array: true })
  ticketTypes!: TicketType[];

  /** Days a survey link stays valid. */
  @Column({ type: 'int' })
  expiryDays!: number;

  /** Hours after the invitation for the one reminder; 0 = no reminder. Fractions allowed. */
  @Column({ type: 'double precision' })
  reminderAfterHours!: number;

  /** Scores at or below this open a service-recovery task; 0 = only keywords do. */
  @Column({ type: 'int' })
  recoveryMaxScore!: number;

  /** Comment words that open a service-recovery task whatever the score. */
  @Column({ type: 'text', array: true })
  recoveryKeywords!: string[];

  /** The short questions after the overall score. */
  @Column({ type: 'jsonb' })
  questions!: SurveyQuestion[];

  @Column({ type: 'uuid', nullable: true })
  updatedById!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
