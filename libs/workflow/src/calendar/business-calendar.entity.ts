import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CalendarSpec, WorkingInterval } from './business-calendar.js';

/** Working days and hours, holidays and dated overrides (Ramadan hours, Eid closures). */
@Entity('business_calendars')
export class BusinessCalendar {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'Asia/Riyadh' })
  timeZone!: string;

  /** Seven entries, Sunday first. */
  @Column({ type: 'jsonb' })
  weekly!: WorkingInterval[][];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  holidays!: CalendarSpec['holidays'];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  overrides!: CalendarSpec['overrides'];

  @Column({ type: 'boolean', default: false })
  isDefault!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export function toCalendarSpec(c: BusinessCalendar): CalendarSpec {
  return { timeZone: c.timeZone, weekly: c.weekly, holidays: c.holidays, overrides: c.overrides };
}
