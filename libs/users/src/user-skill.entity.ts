import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from './user.entity.js';

/** An officer is skilled for a category: needed when the category requires it for automatic assignment. */
@Entity('user_skills')
@Index('idx_user_skills_category', ['categoryId'])
export class UserSkill {
  @PrimaryColumn('uuid')
  userId!: string;

  @PrimaryColumn('uuid')
  categoryId!: string;

  @ManyToOne(() => User, (u) => u.skills, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
