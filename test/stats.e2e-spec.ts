import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';

interface Overview {
  days: number;
  from: string;
  to: string;
  totals: { created: number; resolved: number; open: number; unassigned: number; breaching: number };
  openByTeamAndStatus: { teamId: string | null; teamName: string | null; teamNameEn: string | null; status: string; count: number }[];
  volumeByDay: { day: string; channel: string; count: number }[];
  sla: {
    firstResponse: { met: number; breached: number; running: number; compliance: number | null };
    resolution: { met: number; breached: number; running: number; compliance: number | null };
  };
}

const riyadhDay = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(date);

describe('supervisor dashboard figures (GET /api/v1/stats/overview)', () => {
  const env = new TestEnvironment();
  let admin: StaffAccount;
  let supervisor: StaffAccount;
  let officer: StaffAccount;
  let teamId: string;
  const db = (sql: string, params: unknown[] = []) => queryDatabase(env.config.DATABASE_URL, sql, params);

  const open = (channel: 'phone' | 'visit' | 'letter', extra: Record<string, unknown> = {}) =>
    officer.http.post<{ id: string }>('/api/v1/tickets', { channel, subject: 'استفسار', body: 'نص', contact: { name: 'مستفيد' }, ...extra });

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    admin = await createStaff(env, 'admin', 'المدير');
    teamId = (await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'علاقات المستفيدين', nameEn: 'Beneficiary relations' })).body.id;
    supervisor = await createStaff(env, 'supervisor', 'منى الدوسري', [teamId]);
    officer = await createStaff(env, 'officer', 'سارة القحطاني', [teamId]);
  });
  afterAll(() => env.teardown());

  it('is for supervisors and admins only', async () => {
    expect((await officer.http.get('/api/v1/stats/overview')).status).toBe(403);
    expect((await supervisor.http.get('/api/v1/stats/overview')).status).toBe(200);
    expect((await admin.http.get('/api/v1/stats/overview?days=90')).status).toBe(200);
    expect((await admin.http.get('/api/v1/stats/overview?days=0')).status).toBe(400);
    expect((await admin.http.get('/api/v1/stats/overview?days=91')).status).toBe(400);
  });

  it('counts open tickets by team and status, daily volume by channel and SLA compliance', async () => {
    const a = (await open('phone', { teamId })).body;
    const b = (await open('phone', { teamId })).body;
    const c = (await open('visit')).body;
    const d = (await open('letter', { teamId })).body;
    // An old ticket outside a 14-day window.
    const old = (await open('visit')).body;
    await db(`UPDATE tickets SET created_at = now() - interval '30 days' WHERE id = $1`, [old.id]);

    // SLA: a answered in time; b unanswered past its due time; c answered late; d not yet due.
    await db(`UPDATE tickets SET first_response_due_at = now() + interval '1 hour', first_responded_at = now() WHERE id = $1`, [a.id]);
    await db(`UPDATE tickets SET first_response_due_at = now() - interval '1 hour', resolution_due_at = now() - interval '1 minute' WHERE id = $1`, [
      b.id,
    ]);
    await db(`UPDATE tickets SET first_response_due_at = now() - interval '2 hours', first_responded_at = now() - interval '1 hour' WHERE id = $1`, [
      c.id,
    ]);
    await db(`UPDATE tickets SET first_response_due_at = now() + interval '2 hours', resolution_due_at = now() + interval '1 day' WHERE id = $1`, [
      d.id,
    ]);
    expect((await officer.http.post(`/api/v1/tickets/${a.id}/assign`, { assigneeId: officer.id })).status).toBe(201);
    expect((await officer.http.post(`/api/v1/tickets/${c.id}/resolve`, {})).status).toBe(201);

    const res = await supervisor.http.get<Overview>('/api/v1/stats/overview');
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.days).toBe(14);
    expect(new Date(o.from).getTime()).toBeLessThan(Date.now() - 13 * 24 * 3600_000);
    expect(o.totals).toEqual({ created: 4, resolved: 1, open: 4, unassigned: 3, breaching: 1 });
    expect(o.openByTeamAndStatus).toEqual(
      expect.arrayContaining([
        { teamId, teamName: 'علاقات المستفيدين', teamNameEn: 'Beneficiary relations', status: 'new', count: 3 },
        { teamId: null, teamName: null, teamNameEn: null, status: 'new', count: 1 },
      ]),
    );
    expect(o.openByTeamAndStatus.reduce((sum, r) => sum + r.count, 0)).toBe(4);
    const today = riyadhDay(new Date());
    expect(o.volumeByDay.filter((v) => v.day === today)).toEqual([
      { day: today, channel: 'letter', count: 1 },
      { day: today, channel: 'phone', count: 2 },
      { day: today, channel: 'visit', count: 1 },
    ]);
    expect(o.volumeByDay.some((v) => v.day < riyadhDay(new Date(o.from)))).toBe(false);
    expect(o.sla.firstResponse).toEqual({ met: 1, breached: 2, running: 1, compliance: 33.3 });
    expect(o.sla.resolution).toEqual({ met: 0, breached: 1, running: 1, compliance: 0 });

    // A wider window takes in the old ticket.
    const wide = await admin.http.get<Overview>('/api/v1/stats/overview?days=60');
    expect(wide.body.totals.created).toBe(5);
  });
});
