import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { TeamMembership } from './team-membership.entity.js';

@Entity('teams')
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  @Column({ type: 'text', nullable: true })
  nameEn!: string | null;

  @OneToMany(() => TeamMembership, (m) => m.team)
  memberships?: Relation<TeamMembership[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
