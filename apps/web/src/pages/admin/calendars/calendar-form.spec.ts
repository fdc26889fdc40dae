import { formatDualDate } from '../../../format/dual-date';
import { calendarBody, calendarDayInstant, calendarFormValues, isCalendarDate, newCalendarValues, validateCalendarForm } from './calendar-form';

describe('business calendar form', () => {
  it('starts as Sunday–Thursday 08:00–15:00 in Riyadh, Friday and Saturday closed', () => {
    const values = newCalendarValues();
    expect(values.timeZone).toBe('Asia/Riyadh');
    expect(values.weekly.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(values.weekly[0]).toEqual([{ start: '08:00', end: '15:00' }]);
  });

  it('accepts Ramadan hours and an Eid closure, and sends names only when given', () => {
    const values = {
      ...newCalendarValues(),
      name: ' ساعات العمل ',
      holidays: [{ date: '2026-09-23', name: 'اليوم الوطني' }],
      overrides: [
        { from: '2026-02-18', to: '2026-03-19', hours: [{ start: '10:00', end: '15:00' }], name: 'رمضان' },
        { from: '2026-03-20', to: '2026-03-24', hours: [], name: '  ' },
      ],
    };
    expect(validateCalendarForm(values)).toEqual({});
    const body = calendarBody(values);
    expect(body.name).toBe('ساعات العمل');
    expect(body.overrides[1]).toEqual({ from: '2026-03-20', to: '2026-03-24', hours: [] });
    expect(body.holidays[0]).toEqual({ date: '2026-09-23', name: 'اليوم الوطني' });
  });

  it('pins each problem to its row: a backwards interval, an impossible date, a reversed range, a repeated holiday', () => {
    const values = newCalendarValues();
    values.name = 'ساعات';
    values.weekly[1] = [{ start: '15:00', end: '08:00' }];
    values.holidays = [{ date: '2026-02-30' }, { date: '2026-03-20', name: 'عيد الفطر' }, { date: '2026-03-20' }];
    values.overrides = [{ from: '2026-03-24', to: '2026-03-20', hours: [] }];
    expect(validateCalendarForm(values)).toEqual({
      'weekly.1.0': 'interval',
      'holidays.0': 'date',
      'holidays.2': 'duplicateDate',
      'overrides.0': 'range',
    });
  });

  it('allows a day that ends at 24:00 but not 24:30', () => {
    const values = { ...newCalendarValues(), name: 'دوام' };
    values.weekly[0] = [{ start: '00:00', end: '24:00' }];
    expect(validateCalendarForm(values)).toEqual({});
    values.weekly[0] = [{ start: '00:00', end: '24:30' }];
    expect(validateCalendarForm(values)).toEqual({ 'weekly.0.0': 'interval' });
  });

  it('copies a stored calendar, so editing the form leaves the cached one alone', () => {
    const stored = {
      id: 'c1',
      name: 'ساعات العمل',
      timeZone: 'Asia/Riyadh',
      weekly: newCalendarValues().weekly,
      holidays: [{ date: '2026-09-23' }],
      overrides: [],
      isDefault: true,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const values = calendarFormValues(stored);
    values.weekly[0]![0]!.start = '09:00';
    values.holidays[0]!.date = '2026-09-24';
    expect(stored.weekly[0]![0]!.start).toBe('08:00');
    expect(stored.holidays[0]!.date).toBe('2026-09-23');
  });

  it('shows a holiday on its own day in Hijri and Gregorian', () => {
    expect(isCalendarDate('2026-03-20')).toBe(true);
    expect(calendarDayInstant('2026-13-01')).toBeNull();
    // 20 March 2026 is 1 Shawwal 1447 (Eid al-Fitr) in Umm al-Qura.
    const shown = formatDualDate(calendarDayInstant('2026-03-20')!, 'en', { digits: 'latn' });
    expect(shown).toBe('1 Shawwal 1447 AH — 20 March 2026');
  });
});
