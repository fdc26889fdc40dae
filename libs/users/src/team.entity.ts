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

  /** manual: officers claim from the shared queue; round_robin / least_loaded: new tickets are assigned automatically. */
  @Column({ type: 'text', default: 'manual' })
  assignmentMode!: 'manual' | 'round_robin' | 'least_loaded';

  @Column({ type: 'int', default: 15 })
  maxOpenPerOfficer!: number;

  /** Round-robin position: the officer assigned last. */
  @Column({ type: 'uuid', nullable: true })
  lastAssignedUserId!: string | null;

  /** Working hours for this team's SLA clocks; null = the default calendar. */
  @Column({ type: 'uuid', nullable: true })
  calendarId!: string | null;

  @OneToMany(() => TeamMembership, (m) => m.team)
  memberships?: Relation<TeamMembership[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
