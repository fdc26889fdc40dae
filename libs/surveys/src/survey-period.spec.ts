import { DomainError } from '@app/common';
import { periodBound } from './survey-period.js';

describe('report periods', () => {
  it('reads a date as a whole day in Riyadh time', () => {
    expect(periodBound('2026-03-01', 'from')?.toISOString()).toBe('2026-02-28T21:00:00.000Z');
    expect(periodBound('2026-03-01', 'to')?.toISOString()).toBe('2026-03-01T21:00:00.000Z');
  });

  it('takes a date-time as given, and nothing as no bound', () => {
    expect(periodBound('2026-03-01T10:00:00Z', 'from')?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(periodBound(undefined, 'to')).toBeUndefined();
    expect(periodBound('', 'to')).toBeUndefined();
  });

  it('refuses impossible or vague dates with a 400 naming the field', () => {
    for (const bad of ['2026-02-30', 'yesterday', '2026', '03/01/2026']) {
      expect(() => periodBound(bad, 'from')).toThrow(DomainError);
      expect(() => periodBound(bad, 'from')).toThrow(/^from must be/);
    }
  });
});
