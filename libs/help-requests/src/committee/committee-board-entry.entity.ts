import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { HelpRequest } from '../intake/help-request.entity.js';
import type { BoardStage } from './committee-stages.js';

/** A help request's card on the committee board; placed by the committee queue at hand-off. */
@Entity('committee_board_entries')
@Index('idx_committee_board_entries_stage', ['stage', 'placedAt'])
export class CommitteeBoardEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_committee_board_entries_request', { unique: true })
  @Column({ type: 'uuid' })
  helpRequestId!: string;

  @ManyToOne(() => HelpRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'help_request_id' })
  helpRequest?: Relation<HelpRequest>;

  @Column({ type: 'uuid' })
  ticketId!: string;

  @Column({ type: 'text', default: 'new' })
  stage!: BoardStage;

  /** The hand-off round this card was last placed for. */
  @Column({ type: 'int', default: 1 })
  round!: number;

  @Column({ type: 'timestamptz', precision: 3 })
  placedAt!: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  stageChangedAt!: Date;

  /** The round whose study-overdue reminder went out (once per round). */
  @Column({ type: 'int', nullable: true })
  overdueRemindedRound!: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  overdueRemindedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
