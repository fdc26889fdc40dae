/**
 * Working-time arithmetic on a business calendar (pure; no I/O). Days are the calendar's local
 * days in its time zone (Asia/Riyadh: Sunday–Thursday, no DST); a day's hours come from, in
 * order: a dated override (e.g. shorter Ramadan hours, or a closure), a public holiday (closed),
 * else the weekly pattern.
 */

/** "HH:MM" local times; end may be "24:00". */
export interface WorkingInterval {
  start: string;
  end: string;
}

export interface CalendarSpec {
  timeZone: string;
  /** Index 0 = Sunday … 6 = Saturday. */
  weekly: WorkingInterval[][];
  holidays: { date: string; name?: string }[];
  /** Inclusive date range; `hours: []` closes those days. */
  overrides: { from: string; to: string; hours: WorkingInterval[]; name?: string }[];
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 3 * 366;

/** Sunday–Thursday 08:00–15:00 in Riyadh: the usual government and charity hours. */
export function defaultSaudiCalendar(): CalendarSpec {
  const day = [{ start: '08:00', end: '15:00' }];
  return { timeZone: 'Asia/Riyadh', weekly: [day, day, day, day, day, [], []], holidays: [], overrides: [] };
}

function parseHm(hm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm);
  if (!m) throw new Error(`invalid time ${hm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60 || Number(m[2]) > 59) throw new Error(`invalid time ${hm}`);
  return minutes;
}

export function validateCalendar(spec: CalendarSpec): string | null {
  if (spec.weekly.length !== 7) return 'weekly must list 7 days, Sunday first';
  const all = [...spec.weekly.flat(), ...spec.overrides.flatMap((o) => o.hours)];
  for (const i of all) {
    try {
      if (parseHm(i.start) >= parseHm(i.end)) return `interval ${i.start}–${i.end} ends before it starts`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  for (const d of [...spec.holidays.map((h) => h.date), ...spec.overrides.flatMap((o) => [o.from, o.to])]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return `invalid date ${d}`;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: spec.timeZone });
  } catch {
    return `unknown time zone ${spec.timeZone}`;
  }
  return null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(instant: number, timeZone: string): { y: number; m: number; d: number; offsetMs: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), offsetMs: asUtc - Math.floor(instant / 1000) * 1000 };
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Working intervals of one local day as UTC instants [start, end). */
function dayIntervals(y: number, m: number, d: number, spec: CalendarSpec): [number, number][] {
  const date = isoDate(y, m, d);
  const override = spec.overrides.find((o) => o.from <= date && date <= o.to);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const hours = override ? override.hours : spec.holidays.some((h) => h.date === date) ? [] : (spec.weekly[weekday] ?? []);
  const localMidnightAsUtc = Date.UTC(y, m - 1, d);
  // The zone's offset at local noon of that day (no zone changes offset at noon).
  const offset = localParts(localMidnightAsUtc + 12 * 3600_000, spec.timeZone).offsetMs;
  return hours
    .map((i): [number, number] => [localMidnightAsUtc - offset + parseHm(i.start) * 60_000, localMidnightAsUtc - offset + parseHm(i.end) * 60_000])
    .sort((a, b) => a[0] - b[0]);
}

/** Iterates local days from the one containing `from`, forwards: each day's first instant (UTC) and its working intervals. */
function* daysFrom(from: number, spec: CalendarSpec): Generator<{ dayStart: number; intervals: [number, number][] }> {
  const { y, m, d, offsetMs } = localParts(from, spec.timeZone);
  let cursor = Date.UTC(y, m - 1, d);
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = new Date(cursor);
    yield { dayStart: cursor - offsetMs, intervals: dayIntervals(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), spec) };
    cursor += DAY_MS;
  }
}

/** The instant that is `minutes` of working time after `start` (fractions allowed). */
export function addWorkingMinutes(start: Date, minutes: number, spec: CalendarSpec): Date {
  if (minutes < 0) throw new Error('minutes must not be negative');
  let remaining = minutes * 60_000;
  const begin = start.getTime();
  if (remaining === 0) {
    // Zero minutes: the next working instant at or after start.
    for (const { intervals } of daysFrom(begin, spec)) {
      for (const [s, e] of intervals) if (e > begin) return new Date(Math.max(s, begin));
    }
    throw new Error('calendar has no working time in the next three years');
  }
  for (const { intervals } of daysFrom(begin, spec)) {
    for (const [s, e] of intervals) {
      const from = Math.max(s, begin);
      if (from >= e) continue;
      if (e - from >= remaining) return new Date(from + remaining);
      remaining -= e - from;
    }
  }
  throw new Error('calendar has no working time in the next three years');
}

/** Iterates local days backwards from the one containing `from`. */
function* daysBackFrom(from: number, spec: CalendarSpec): Generator<[number, number][]> {
  const { y, m, d } = localParts(from, spec.timeZone);
  let cursor = Date.UTC(y, m - 1, d);
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = new Date(cursor);
    yield dayIntervals(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), spec);
    cursor -= DAY_MS;
  }
}

/** The instant that is `minutes` of working time before `end` (e.g. when 80% of a target has passed). */
export function subtractWorkingMinutes(end: Date, minutes: number, spec: CalendarSpec): Date {
  if (minutes < 0) throw new Error('minutes must not be negative');
  let remaining = minutes * 60_000;
  const finish = end.getTime();
  for (const intervals of daysBackFrom(finish, spec)) {
    for (const [s, e] of [...intervals].reverse()) {
      const to = Math.min(e, finish);
      if (to <= s) continue;
      if (to - s >= remaining) return new Date(to - remaining);
      remaining -= to - s;
    }
  }
  throw new Error('calendar has no working time in the previous three years');
}

/** Working minutes between two instants (0 when `to` is before `from`). */
export function workingMinutesBetween(from: Date, to: Date, spec: CalendarSpec): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  for (const { dayStart, intervals } of daysFrom(a, spec)) {
    if (dayStart >= b) break;
    for (const [s, e] of intervals) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total / 60_000;
}
