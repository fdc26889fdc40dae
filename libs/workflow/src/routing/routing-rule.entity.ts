import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleActions, RuleConditions } from './routing-rules.js';

/** An admin's routing rule. Rules apply in `position` order; the first match wins. */
@Entity('routing_rules')
@Index('idx_routing_rules_position', ['position'])
export class RoutingRule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  conditions!: RuleConditions;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  actions!: RuleActions;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
