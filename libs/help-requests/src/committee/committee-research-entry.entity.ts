import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { HelpRequest } from '../intake/help-request.entity.js';

export const RESEARCH_KINDS = ['note', 'field_visit'] as const;
export type ResearchKind = (typeof RESEARCH_KINDS)[number];

/** The social research on a request: study notes and field-visit reports (date and findings). Added, never edited. */
@Entity('committee_research_entries')
@Index('idx_committee_research_entries_request', ['helpRequestId', 'createdAt'])
export class CommitteeResearchEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'help_request_id' })
  helpRequest?: Relation<HelpRequest>;

  @Column({ type: 'text' })
  kind!: ResearchKind;

  @Column({ type: 'text' })
  notes!: string;

  /** Field visits: the day of the visit and what was found. */
  @Column({ type: 'date', nullable: true })
  visitDate!: string | null;

  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  @Column({ type: 'uuid' })
  authorId!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
