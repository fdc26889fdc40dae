import type { BusinessCalendar, CalendarOverride, Holiday, WorkingInterval } from '../admin-api';

export const RIYADH = 'Asia/Riyadh';
/** Sunday first, as the api stores `weekly`. */
export const WEEK_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface CalendarFormValues {
  name: string;
  timeZone: string;
  weekly: WorkingInterval[][];
  holidays: Holiday[];
  overrides: CalendarOverride[];
  isDefault: boolean;
}

/** Field path (`name`, `weekly.0.1`, `holidays.2`, `overrides.1`) → message key under `admin.validation`. */
export type CalendarFormErrors = Record<string, 'name' | 'interval' | 'date' | 'range' | 'duplicateDate' | 'timeZone'>;

const HM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The usual hours of a Saudi association: Sunday–Thursday 08:00–15:00 in Riyadh. */
export function newCalendarValues(): CalendarFormValues {
  const day = () => [{ start: '08:00', end: '15:00' }];
  return { name: '', timeZone: RIYADH, weekly: [day(), day(), day(), day(), day(), [], []], holidays: [], overrides: [], isDefault: false };
}

export function calendarFormValues(calendar: BusinessCalendar): CalendarFormValues {
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    weekly: WEEK_DAYS.map((_, i) => (calendar.weekly[i] ?? []).map((h) => ({ ...h }))),
    holidays: calendar.holidays.map((h) => ({ ...h })),
    overrides: calendar.overrides.map((o) => ({ ...o, hours: o.hours.map((h) => ({ ...h })) })),
    isDefault: calendar.isDefault,
  };
}

function minutes(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return h! * 60 + m!;
}

function intervalOk(i: WorkingInterval): boolean {
  return HM.test(i.start) && HM.test(i.end) && minutes(i.start) < minutes(i.end);
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The rules the api applies (validateCalendar), checked before sending and pinned to the row at fault. */
export function validateCalendarForm(values: CalendarFormValues): CalendarFormErrors {
  const errors: CalendarFormErrors = {};
  const name = values.name.trim();
  if (name.length < 2 || name.length > 120) errors.name = 'name';
  if (!values.timeZone.trim()) errors.timeZone = 'timeZone';
  values.weekly.forEach((day, d) =>
    day.forEach((interval, i) => {
      if (!intervalOk(interval)) errors[`weekly.${d}.${i}`] = 'interval';
    }),
  );
  const seen = new Set<string>();
  values.holidays.forEach((h, i) => {
    if (!isCalendarDate(h.date)) errors[`holidays.${i}`] = 'date';
    else if (seen.has(h.date)) errors[`holidays.${i}`] = 'duplicateDate';
    seen.add(h.date);
  });
  values.overrides.forEach((o, i) => {
    if (!isCalendarDate(o.from) || !isCalendarDate(o.to)) errors[`overrides.${i}`] = 'date';
    else if (o.from > o.to) errors[`overrides.${i}`] = 'range';
    else if (!o.hours.every(intervalOk)) errors[`overrides.${i}`] = 'interval';
  });
  return errors;
}

const named = <T extends { name?: string }>(item: T): T => {
  const name = item.name?.trim();
  const { name: _drop, ...rest } = item;
  return (name ? { ...rest, name } : rest) as T;
};

/** The body of POST / PUT /api/v1/business-calendars. */
export function calendarBody(values: CalendarFormValues) {
  return {
    name: values.name.trim(),
    timeZone: values.timeZone.trim(),
    weekly: values.weekly,
    holidays: values.holidays.map(named),
    overrides: values.overrides.map(named),
    isDefault: values.isDefault,
  };
}

/**
 * A calendar day (YYYY-MM-DD, a day in Riyadh) as an instant for <DualDate>: noon in Riyadh, so
 * the Hijri and Gregorian dates shown are that day's in every browser's time zone.
 */
export function calendarDayInstant(date: string): string | null {
  return isCalendarDate(date) ? `${date}T12:00:00+03:00` : null;
}
