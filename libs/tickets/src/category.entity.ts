import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A subject area (e.g. financial aid, membership); it names the team that handles it and its competent officer. */
@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  @Column({ type: 'text', nullable: true })
  nameEn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  /** Receives referrals and escalations for this category. */
  @Column({ type: 'uuid', nullable: true })
  competentOfficerId!: string | null;

  /** Automatic assignment gives these tickets only to officers skilled for the category. */
  @Column({ type: 'boolean', default: false })
  requiresSkill!: boolean;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
