import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hijriParts } from '@app/common';

/** Hands out ticket numbers: the Hijri year of creation and a sequence within it, e.g. 1448-000123. */
@Injectable()
export class TicketNumberService {
  async next(manager: EntityManager, at: Date = new Date()): Promise<string> {
    const year = hijriParts(at).year;
    // One row per year, incremented atomically: concurrent tickets never share a number.
    const rows: { last_value: number }[] = await manager.query(
      `INSERT INTO ticket_number_counters (hijri_year, last_value) VALUES ($1, 1)
       ON CONFLICT (hijri_year) DO UPDATE SET last_value = ticket_number_counters.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return formatTicketNumber(year, rows[0].last_value);
  }
}

export function formatTicketNumber(hijriYear: number, sequence: number): string {
  return `${hijriYear}-${String(sequence).padStart(6, '0')}`;
}

/** Accepts `1448-000123`, `#1448-000123` or `1448-123` and returns the stored form, else null. */
export function parseTicketNumber(input: string): string | null {
  const m = /^#?\s*(\d{4})-(\d{1,9})$/.exec(input.trim());
  return m ? formatTicketNumber(Number(m[1]), Number(m[2])) : null;
}
