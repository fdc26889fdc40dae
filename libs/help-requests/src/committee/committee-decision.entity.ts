import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { HelpRequest } from '../intake/help-request.entity.js';
import type { DecisionOutcome } from './decision-rules.js';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * The research committee's decisions. Final: a trigger refuses UPDATE and DELETE, so a correction
 * is a new row naming the decision it corrects.
 */
@Entity('committee_decisions')
@Index('idx_committee_decisions_request', ['helpRequestId', 'decidedAt'])
@Index('uq_committee_decisions_corrects', ['correctsDecisionId'], { unique: true, where: 'corrects_decision_id IS NOT NULL' })
@Check('chk_committee_decisions_outcome', `"outcome" IN ('approved', 'rejected', 'more_info')`)
@Check('chk_committee_decisions_rejected_reason', `"outcome" <> 'rejected' OR "reason" IS NOT NULL`)
@Check('chk_committee_decisions_more_info', `"outcome" <> 'more_info' OR "info_needed" IS NOT NULL`)
export class CommitteeDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequest)
  @JoinColumn({ name: 'help_request_id' })
  helpRequest?: Relation<HelpRequest>;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'text' })
  outcome!: DecisionOutcome;

  /** Approved amount in SAR (per month when durationMonths is set). */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numeric })
  amountSar!: number | null;

  /** Approved items in kind (food basket, blankets…). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  items!: string[];

  @Column({ type: 'int', nullable: true })
  durationMonths!: number | null;

  /** Why the request was rejected (required for a rejection). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** What the committee needs to decide (required for more_info). */
  @Column({ type: 'text', nullable: true })
  infoNeeded!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid', nullable: true })
  correctsDecisionId!: string | null;

  @ManyToOne(() => CommitteeDecision)
  @JoinColumn({ name: 'corrects_decision_id' })
  corrects?: Relation<CommitteeDecision> | null;

  /** The hand-off round the decision closes. */
  @Column({ type: 'int' })
  round!: number;

  @Column({ type: 'uuid' })
  decidedById!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  decidedAt!: Date;
}
