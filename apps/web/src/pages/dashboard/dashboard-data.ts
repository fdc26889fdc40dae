/**
 * Shapes the dashboard's figures for charts and tables: daily volume per channel as one row per day
 * (every day of the period, zero-filled), and open tickets as one row per team with a column per status.
 */
export interface DailyVolume {
  day: string;
  channel: string;
  count: number;
}

export interface OpenCount {
  teamId: string | null;
  teamName: string | null;
  teamNameEn: string | null;
  status: string;
  count: number;
}

/** YYYY-MM-DD of each day from `from` (a Riyadh midnight instant) for `days` days. */
export function periodDays(fromIso: string, days: number): string[] {
  const start = Date.parse(fromIso);
  const out: string[] = [];
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh', year: 'numeric', month: '2-digit', day: '2-digit' });
  for (let i = 0; i < days; i++) out.push(fmt.format(new Date(start + i * 86_400_000 + 3_600_000)));
  return out;
}

export function volumeRows(volume: readonly DailyVolume[], days: readonly string[]): { rows: Record<string, string | number>[]; channels: string[] } {
  const channels = [...new Set(volume.map((v) => v.channel))].sort();
  const rows = days.map((day) => {
    const row: Record<string, string | number> = { day };
    for (const c of channels) row[c] = 0;
    for (const v of volume) if (v.day === day) row[v.channel] = v.count;
    return row;
  });
  return { rows, channels };
}

export interface TeamStatusRow {
  teamId: string | null;
  name: string | null;
  counts: Record<string, number>;
  total: number;
}

export function openByTeam(open: readonly OpenCount[], language: 'ar' | 'en'): TeamStatusRow[] {
  const rows = new Map<string, TeamStatusRow>();
  for (const o of open) {
    const key = o.teamId ?? '';
    const row = rows.get(key) ?? { teamId: o.teamId, name: (language === 'en' && o.teamNameEn) || o.teamName, counts: {}, total: 0 };
    row.counts[o.status] = (row.counts[o.status] ?? 0) + o.count;
    row.total += o.count;
    rows.set(key, row);
  }
  // Teams by name, "no team" last.
  return [...rows.values()].sort((a, b) => (a.teamId === null ? 1 : b.teamId === null ? -1 : (a.name ?? '').localeCompare(b.name ?? '', language)));
}
