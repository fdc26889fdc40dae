import { openByTeam, periodDays, volumeRows } from './dashboard-data';

describe('dashboard data shaping', () => {
  it('lists every Riyadh day of the period', () => {
    // Riyadh midnight of 1 March 2025 is 21:00 UTC the day before.
    expect(periodDays('2025-02-28T21:00:00.000Z', 3)).toEqual(['2025-03-01', '2025-03-02', '2025-03-03']);
  });

  it('makes one zero-filled row per day with a column per channel', () => {
    const { rows, channels } = volumeRows(
      [
        { day: '2025-03-01', channel: 'sms', count: 2 },
        { day: '2025-03-03', channel: 'email', count: 1 },
      ],
      ['2025-03-01', '2025-03-02', '2025-03-03'],
    );
    expect(channels).toEqual(['email', 'sms']);
    expect(rows).toEqual([
      { day: '2025-03-01', email: 0, sms: 2 },
      { day: '2025-03-02', email: 0, sms: 0 },
      { day: '2025-03-03', email: 1, sms: 0 },
    ]);
  });

  it('groups open tickets per team, with "no team" last', () => {
    const rows = openByTeam(
      [
        { teamId: null, teamName: null, teamNameEn: null, status: 'new', count: 1 },
        { teamId: 'b', teamName: 'ب', teamNameEn: 'B', status: 'new', count: 2 },
        { teamId: 'b', teamName: 'ب', teamNameEn: 'B', status: 'open', count: 3 },
        { teamId: 'a', teamName: 'أ', teamNameEn: 'A', status: 'pending', count: 1 },
      ],
      'en',
    );
    expect(rows.map((r) => [r.name, r.total])).toEqual([
      ['A', 1],
      ['B', 5],
      [null, 1],
    ]);
    expect(rows[1]?.counts).toEqual({ new: 2, open: 3 });
  });
});
