import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last ticket number handed out in each Hijri year. */
@Entity('ticket_number_counters')
export class TicketNumberCounter {
  @PrimaryColumn({ type: 'int' })
  hijriYear!: number;

  @Column({ type: 'int' })
  lastValue!: number;
}
