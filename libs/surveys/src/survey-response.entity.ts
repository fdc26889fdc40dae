import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { SurveyAnswers } from './survey-questions.js';
import { SurveyInvitation } from './survey-invitation.entity.js';

/** The one answer to a survey: overall score 1–5, the short questions, a comment. */
@Entity('survey_responses')
@Index('uq_survey_responses_invitation', ['invitationId'], { unique: true })
@Index('uq_survey_responses_ticket', ['ticketId'], { unique: true })
@Index('idx_survey_responses_created', ['createdAt', 'id'])
@Check('chk_survey_responses_score', '"score" BETWEEN 1 AND 5')
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  invitationId!: string;

  @ManyToOne(() => SurveyInvitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Relation<SurveyInvitation>;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'smallint' })
  score!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers!: SurveyAnswers;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The service-recovery ticket this answer opened, if any. */
  @Column({ type: 'uuid', nullable: true })
  recoveryTicketId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
