import { Redis } from 'ioredis';
import { SlaReconcilerService } from '@app/workflow';
import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { REDIS_URL, TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

interface TicketJson {
  id: string;
  escalationLevel: number;
  firstResponseDueAt: string | null;
}

const ALWAYS_OPEN = Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]);
const HORIZON_MINUTES = 15;

describe('SLA timers within the horizon', () => {
  const env = new TestEnvironment({ SLA_TIMER_HORIZON_MINUTES: String(HORIZON_MINUTES) });
  const redis = new Redis(REDIS_URL);
  let admin: StaffAccount;

  const ticket = async (id: string) => (await admin.http.get<TicketJson>(`/api/v1/tickets/${id}`)).body;
  /** Which of the ticket's first-response timers Redis holds. */
  const frtTimers = async (id: string) => {
    const kinds = ['frt-warn', 'frt-breach'];
    const held = await Promise.all(kinds.map((k) => redis.exists(`${env.config.REDIS_PREFIX}-bull:sla:sla-${id}-${k}`)));
    return kinds.filter((_, i) => held[i] === 1);
  };

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    admin = await createStaff(env, 'admin', 'المدير');
    const calendars = await admin.http.get<{ id: string; isDefault: boolean }[]>('/api/v1/business-calendars');
    const def = calendars.body.find((c) => c.isDefault)!;
    const always = { name: 'على مدار الساعة', timeZone: 'Asia/Riyadh', weekly: ALWAYS_OPEN, holidays: [], overrides: [], isDefault: true };
    expect((await admin.http.request('PUT', `/api/v1/business-calendars/${def.id}`, always)).status).toBe(200);
    const policies = await admin.http.get<{ id: string }[]>('/api/v1/sla-policies');
    for (const p of policies.body) await admin.http.patch(`/api/v1/sla-policies/${p.id}`, { active: false });
    // First response due in 20 minutes: both its timers lie beyond the 15-minute horizon; urgent tickets are due in 10.
    const normal = { name: 'عادي', firstResponseMinutes: 20, resolutionMinutes: 600, escalationStepMinutes: 60 };
    expect((await admin.http.post('/api/v1/sla-policies', normal)).status).toBe(201);
    const urgent = { name: 'عاجل', priority: 'urgent', firstResponseMinutes: 10, resolutionMinutes: 600, escalationStepMinutes: 60 };
    expect((await admin.http.post('/api/v1/sla-policies', urgent)).status).toBe(201);
  });
  afterAll(async () => {
    redis.disconnect();
    await env.teardown();
  });

  it('holds only timers due within the horizon, fires a later one on time once it comes within it, and never queues it twice', async () => {
    const opened = await admin.http.post<TicketJson>('/api/v1/tickets', {
      channel: 'phone',
      subject: 'استفسار',
      body: 'سؤال',
      priority: 'urgent',
      contact: { name: 'مستفيد', phone: '0501234567' },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const urgentDue = await waitFor('routed', async () => (await ticket(id)).firstResponseDueAt);
    await waitFor('urgent timers', async () => (await frtTimers(id)).length === 2);

    // Lowered to normal: due in 20 minutes, beyond the horizon, so the urgent timers go and none takes their place.
    expect((await admin.http.patch(`/api/v1/tickets/${id}`, { priority: 'normal' })).status).toBe(200);
    const normal = await waitFor('normal due time', async () => {
      const t = await ticket(id);
      return new Date(t.firstResponseDueAt!).getTime() - new Date(urgentDue).getTime() > 5 * 60_000 && t;
    });
    await waitFor('timers beyond the horizon removed', async () => (await frtTimers(id)).length === 0);
    const reconciler = env.worker!.get(SlaReconcilerService);
    await reconciler.reconcile();
    expect(await frtTimers(id)).toEqual([]);

    // Time passes (the ticket's clock is moved back): the breach is now 8 seconds away and the next pass schedules it.
    const shift = new Date(normal.firstResponseDueAt!).getTime() - Date.now() - 8000;
    await queryDatabase(
      env.config.DATABASE_URL,
      `UPDATE tickets SET created_at = created_at - $2 * interval '1 millisecond',
              first_response_due_at = first_response_due_at - $2 * interval '1 millisecond',
              resolution_due_at = resolution_due_at - $2 * interval '1 millisecond' WHERE id = $1`,
      [id, shift],
    );
    expect((await reconciler.reconcile()).timersCreated).toBeGreaterThanOrEqual(1);
    expect(await frtTimers(id)).toContain('frt-breach');
    // A second pass finds the timers there (or the warning already recorded) and adds none.
    expect((await reconciler.reconcile()).timersCreated).toBe(0);
    await waitFor('escalation from the scheduled breach', async () => (await ticket(id)).escalationLevel >= 1, 30_000);
    const breaches = await queryDatabase<{ due: string; at: Date }>(
      env.config.DATABASE_URL,
      `SELECT after->>'due' AS due, created_at AS at FROM audit_log WHERE entity_id = $1 AND action = 'ticket.sla_breached'`,
      [id],
    );
    expect(breaches).toHaveLength(1);
    expect(breaches[0].at.getTime()).toBeGreaterThanOrEqual(new Date(breaches[0].due).getTime());
    // The breach stays past due, but once recorded a later pass does not queue it again.
    await waitFor('breach timer done', async () => (await frtTimers(id)).length === 0);
    expect((await reconciler.reconcile()).timersCreated).toBe(0);
    expect(await frtTimers(id)).toEqual([]);
  });
});
