import { Injectable } from '@nestjs/common';
import { hijriParts } from '@app/common';

/**
 * Hands out ticket numbers: the Hijri year of creation and a sequence within it, e.g. 1448-000123. The number is
 * taken inside the statement that inserts the ticket (one round trip less per ticket).
 */
@Injectable()
export class TicketNumberService {
  /**
   * A CTE `ticket_number (number)` with the next number of `at`'s Hijri year, to open the statement that inserts the
   * ticket; its parameter `$1` is `year`. One row per year, incremented atomically: concurrent tickets never share a
   * number, and the counter stays locked until the transaction ends.
   */
  next(at: Date = new Date()): { cte: string; year: number } {
    return { cte: NEXT_NUMBER_CTE, year: hijriParts(at).year };
  }
}

// Formats as formatTicketNumber() does: at least six digits, never cut.
const NEXT_NUMBER_CTE = `ticket_number AS (
  INSERT INTO ticket_number_counters (hijri_year, last_value) VALUES ($1, 1)
  ON CONFLICT (hijri_year) DO UPDATE SET last_value = ticket_number_counters.last_value + 1
  RETURNING hijri_year || '-' || lpad(last_value::text, greatest(6, length(last_value::text)), '0') AS number
)`;

export function formatTicketNumber(hijriYear: number, sequence: number): string {
  return `${hijriYear}-${String(sequence).padStart(6, '0')}`;
}

/** Accepts `1448-000123`, `#1448-000123` or `1448-123` and returns the stored form, else null. */
export function parseTicketNumber(input: string): string | null {
  const m = /^#?\s*(\d{4})-(\d{1,9})$/.exec(input.trim());
  return m ? formatTicketNumber(Number(m[1]), Number(m[2])) : null;
}
