import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { Availability, Language, StaffRole } from './staff-role.js';
import { TeamMembership } from './team-membership.entity.js';
import { UserSkill } from './user-skill.entity.js';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: StaffRole;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'text', default: 'ar' })
  preferredLanguage!: Language;

  /** Officers set this; only available officers get new tickets automatically. */
  @Column({ type: 'text', default: 'available' })
  availability!: Availability;

  @OneToMany(() => TeamMembership, (m) => m.user)
  memberships?: Relation<TeamMembership[]>;

  @OneToMany(() => UserSkill, (s) => s.user)
  skills?: Relation<UserSkill[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
