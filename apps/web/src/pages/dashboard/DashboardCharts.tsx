import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The dashboard's charts (recharts). Only the dashboard imports this file, so the charting library
 * is in the dashboard's own lazy chunk, never in the sign-in or queue download. Charts are drawn
 * left to right in both languages (time runs left to right); every chart has a table beside it.
 */
export const CHANNEL_COLORS: Record<string, string> = {
  sms: '#1c7ed6',
  whatsapp: '#2f9e44',
  email: '#7048e8',
  social: '#e64980',
  phone: '#f08c00',
  letter: '#868e96',
  visit: '#0c8599',
  web: '#5c940d',
  help_request: '#c92a2a',
};

export function VolumeChart({
  rows,
  series,
  label,
  formatDay,
  formatNumber,
}: {
  rows: Record<string, string | number>[];
  series: { key: string; name: string }[];
  label: string;
  formatDay: (day: string) => string;
  formatNumber: (n: number) => string;
}) {
  return (
    <div className="chart-box" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} fontSize={11} />
          <YAxis allowDecimals={false} tickFormatter={formatNumber} fontSize={11} width={32} />
          <Tooltip labelFormatter={(d) => formatDay(String(d))} formatter={(v) => formatNumber(Number(v))} />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="volume" fill={CHANNEL_COLORS[s.key] ?? '#495057'} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function TrendChart({
  rows,
  name,
  label,
  formatDay,
  formatNumber,
}: {
  rows: { day: string; value: number | null }[];
  name: string;
  label: string;
  formatDay: (day: string) => string;
  formatNumber: (n: number) => string;
}) {
  return (
    <div className="chart-box" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} fontSize={11} />
          <YAxis domain={[0, 100]} tickFormatter={formatNumber} fontSize={11} width={32} />
          <Tooltip labelFormatter={(d) => formatDay(String(d))} formatter={(v) => `${formatNumber(Number(v))}%`} />
          <Line type="monotone" dataKey="value" name={name} stroke="#0ca678" strokeWidth={2} connectNulls dot isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function StatusBars({
  rows,
  series,
  label,
  formatNumber,
}: {
  rows: Record<string, string | number>[];
  series: { key: string; name: string; color: string }[];
  label: string;
  formatNumber: (n: number) => string;
}) {
  return (
    <div className="chart-box" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickFormatter={formatNumber} fontSize={11} />
          <YAxis type="category" dataKey="name" width={120} fontSize={11} />
          <Tooltip formatter={(v) => formatNumber(Number(v))} />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="status" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
