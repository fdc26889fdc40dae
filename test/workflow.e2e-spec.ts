import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { REDIS_URL, TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

interface TicketJson {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  escalationLevel: number;
  assignee: { id: string; name: string } | null;
  team: { id: string } | null;
  category: { id: string } | null;
  tags: string[];
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
}

const ALWAYS_OPEN = Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]);

describe('routing, assignment, SLA clocks and escalation', () => {
  const env = new TestEnvironment();
  let admin: StaffAccount;
  let o1: StaffAccount;
  let o2: StaffAccount;
  let competent: StaffAccount;
  let supervisor: StaffAccount;
  let aidTeam: string;
  let generalTeam: string;
  let rentCategory: string;

  const ticket = async (who: StaffAccount, id: string) => (await who.http.get<TicketJson>(`/api/v1/tickets/${id}`)).body;
  const open = async (body: Record<string, unknown>) => {
    const res = await o1.http.post<TicketJson>('/api/v1/tickets', {
      channel: 'phone',
      subject: 'استفسار',
      body: 'سؤال',
      contact: { name: 'مستفيد', phone: `050${Math.floor(1_000_000 + Math.random() * 8_999_999)}` },
      ...body,
    });
    if (res.status !== 201) throw new Error(`open failed: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const routed = (id: string): Promise<TicketJson> =>
    waitFor(`ticket ${id} routed`, async () => {
      const t = await ticket(admin, id);
      return t.firstResponseDueAt ? t : null;
    });
  const notificationsOf = async (who: StaffAccount) =>
    (await who.http.get<{ items: { kind: string; ticketId: string; title: string }[]; unreadCount: number }>('/api/v1/notifications?limit=100')).body;

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    admin = await createStaff(env, 'admin', 'المدير');
    aidTeam = (
      await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'فريق المساعدات', assignmentMode: 'round_robin', maxOpenPerOfficer: 50 })
    ).body.id;
    generalTeam = (await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'الاستفسارات العامة' })).body.id;
    o1 = await createStaff(env, 'officer', 'أ-سارة', [aidTeam, generalTeam]);
    o2 = await createStaff(env, 'officer', 'ب-خالد', [aidTeam]);
    competent = await createStaff(env, 'officer', 'ج-المسؤول المختص', []);
    supervisor = await createStaff(env, 'supervisor', 'د-المشرفة', [aidTeam]);
    rentCategory = (
      await admin.http.post<{ id: string }>('/api/v1/categories', { name: 'إعانة الإيجار', teamId: aidTeam, competentOfficerId: competent.id })
    ).body.id;

    const calendars = await admin.http.get<{ id: string; isDefault: boolean }[]>('/api/v1/business-calendars');
    const def = calendars.body.find((c) => c.isDefault)!;
    const cal = await admin.http.request('PUT', `/api/v1/business-calendars/${def.id}`, {
      name: 'على مدار الساعة',
      timeZone: 'Asia/Riyadh',
      weekly: ALWAYS_OPEN,
      holidays: [],
      overrides: [],
      isDefault: true,
    });
    expect(cal.status).toBe(200);
    // Short targets (seconds) so the clock can be watched running out.
    const policies = await admin.http.get<{ id: string; priority: string | null; ticketType: string | null }[]>('/api/v1/sla-policies');
    for (const p of policies.body) await admin.http.patch(`/api/v1/sla-policies/${p.id}`, { active: false });
    expect(
      (
        await admin.http.post('/api/v1/sla-policies', {
          name: 'قصير',
          firstResponseMinutes: 0.05,
          resolutionMinutes: 0.5,
          escalationStepMinutes: 0.05,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.http.post('/api/v1/sla-policies', {
          name: 'رد سريع فقط',
          priority: 'high',
          firstResponseMinutes: 0.05,
          resolutionMinutes: 60,
          escalationStepMinutes: 0.05,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.http.post('/api/v1/sla-policies', {
          name: 'منخفض',
          priority: 'low',
          firstResponseMinutes: 0.15,
          resolutionMinutes: 60,
          escalationStepMinutes: 0.05,
        })
      ).status,
    ).toBe(201);

    expect(
      (
        await admin.http.post('/api/v1/routing-rules', {
          name: 'الإيجار',
          conditions: { keywords: ['إيجار', 'سكن'] },
          actions: { teamId: aidTeam, categoryId: rentCategory, tags: ['rent'] },
        })
      ).status,
    ).toBe(201);
    expect((await admin.http.post('/api/v1/routing-rules', { name: 'الافتراضية', conditions: {}, actions: { teamId: generalTeam } })).status).toBe(
      201,
    );
  });
  afterAll(() => env.teardown());

  it('routes a new ticket by its words, sets its SLA due times, and assigns it round robin', async () => {
    const a = await routed((await open({ subject: 'طلب مساعدة في الايجار', priority: 'low' })).id);
    const b = await routed((await open({ subject: 'السكن', body: 'إيجار متأخر', priority: 'low' })).id);
    expect(a).toMatchObject({ team: { id: aidTeam }, category: { id: rentCategory }, tags: ['rent'] });
    expect(new Date(a.firstResponseDueAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const assignees = [a, b].map((t) => t.assignee?.id);
    expect(assignees.sort()).toEqual([o1.id, o2.id].sort());
    const other = await routed((await open({ subject: 'سؤال عام', priority: 'low' })).id);
    expect(other).toMatchObject({ team: { id: generalTeam }, assignee: null });
    const history = await admin.http.get<{ items: { action: string; after: { ruleName?: string } }[] }>(`/api/v1/tickets/${a.id}/history`);
    expect(history.body.items.find((i) => i.action === 'ticket.routed')?.after.ruleName).toBe('الإيجار');
  });

  it('routes a ticket opened from an SMS by the words of the whole message, not only the part its subject keeps', async () => {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    // The subject keeps the first 80 characters; the rule's word comes after them.
    const text = `${'السلام عليكم ورحمة الله، أكتب إليكم بخصوص طلبي السابق. '.repeat(2)}تأخر سداد الإيجار`;
    const res = await fetch(`${env.baseUrl}/webhooks/twilio/messaging`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ MessageSid: sid, SmsSid: sid, From: '+966501239876', To: '+966112345678', Body: text, NumMedia: '0' }),
    });
    expect(res.status).toBe(200);
    const { ticket_id: id } = await waitFor(
      'the SMS on a ticket',
      async () =>
        (
          await queryDatabase<{ ticket_id: string }>(
            env.config.DATABASE_URL,
            'SELECT ticket_id FROM inbound_events WHERE external_id = $1 AND ticket_id IS NOT NULL',
            [sid],
          )
        )[0],
    );
    const t = await routed(id);
    expect(t.subject).not.toContain('الإيجار');
    expect(t).toMatchObject({ team: { id: aidTeam }, category: { id: rentCategory }, tags: ['rent'] });
  });

  it('escalates an unanswered ticket through the three levels, in order', async () => {
    const t = await open({ subject: 'إيجار عاجل' });
    const first = await routed(t.id);
    const owner = first.assignee!.id;
    const at = (level: number) =>
      waitFor(`level ${level}`, async () => {
        const now = await ticket(admin, t.id);
        return now.escalationLevel >= level ? now : null;
      });
    const at1 = await at(1);
    expect(at1.assignee?.id).toBe(owner);
    const at2 = await at(2);
    expect(at2.assignee?.id).toBe(competent.id);
    await waitFor('level 3', async () => (await ticket(admin, t.id)).escalationLevel === 3);
    const history = await admin.http.get<{ items: { action: string; after: { level?: number } }[] }>(`/api/v1/tickets/${t.id}/history`);
    const levels = history.body.items.filter((i) => i.action === 'ticket.escalated').map((i) => i.after.level);
    expect(levels).toEqual([1, 2, 3]);
    expect((await notificationsOf(competent)).items.some((n) => n.ticketId === t.id && n.kind === 'ticket.escalated')).toBe(true);
    expect(
      (await notificationsOf(supervisor)).items.filter((n) => n.ticketId === t.id && n.kind === 'ticket.escalated').length,
    ).toBeGreaterThanOrEqual(2);
    const overdue = await supervisor.http.get<{ items: { id: string }[] }>('/api/v1/tickets?overdue=true&limit=100');
    expect(overdue.body.items.map((i) => i.id)).toContain(t.id);
  });

  it('stops the first-response clock when an officer answers', async () => {
    const t = await routed((await open({ subject: 'إيجار', priority: 'high' })).id);
    const owner = t.assignee!.id === o1.id ? o1 : o2;
    expect((await owner.http.post(`/api/v1/tickets/${t.id}/messages`, { kind: 'reply', body: 'وصلنا طلبك' })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 6000));
    expect((await ticket(admin, t.id)).escalationLevel).toBe(0);
  });

  it('does not escalate a ticket pending on the contact, and pushes its due time back when it resumes', async () => {
    const t = await routed((await open({ subject: 'إيجار', priority: 'low' })).id);
    const owner = t.assignee!.id === o1.id ? o1 : o2;
    expect((await owner.http.post(`/api/v1/tickets/${t.id}/status`, { status: 'pending' })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 12_000));
    expect((await ticket(admin, t.id)).escalationLevel).toBe(0);
    expect((await owner.http.post(`/api/v1/tickets/${t.id}/status`, { status: 'open' })).status).toBe(201);
    const resumed = await waitFor('due time moved', async () => {
      const now = await ticket(admin, t.id);
      return new Date(now.firstResponseDueAt!).getTime() > new Date(t.firstResponseDueAt!).getTime() + 8000 && now;
    });
    expect(resumed.escalationLevel).toBe(0);
    await waitFor('escalation after resuming', async () => (await ticket(admin, t.id)).escalationLevel >= 1);
  });

  it('still escalates on time when the worker was down at the due time', async () => {
    const t = await routed((await open({ subject: 'إيجار', priority: 'low' })).id);
    await env.stopWorker();
    await new Promise((r) => setTimeout(r, 10_000));
    expect((await ticket(admin, t.id)).escalationLevel).toBe(0);
    await env.startWorker();
    await waitFor('escalation after restart', async () => (await ticket(admin, t.id)).escalationLevel >= 1, 15_000);
  });

  it('re-creates lost timers from the database when Redis was flushed', async () => {
    const t = await routed((await open({ subject: 'إيجار', priority: 'low' })).id);
    await env.stopWorker();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${env.config.REDIS_PREFIX}-bull:sla:*`);
    expect(keys.length).toBeGreaterThan(0);
    await redis.del(...keys);
    redis.disconnect();
    await env.startWorker();
    await waitFor('escalation from a re-created timer', async () => (await ticket(admin, t.id)).escalationLevel >= 1, 20_000);
  });

  it('still escalates a breach that a stopped worker recorded but did not escalate', async () => {
    const t = await routed((await open({ subject: 'إيجار', priority: 'low' })).id);
    await env.stopWorker();
    // What a worker stopped between the two steps leaves behind: the breach in the history, the ticket at level 0, no timers.
    await queryDatabase(
      env.config.DATABASE_URL,
      `INSERT INTO audit_log (action, entity_type, entity_id, after)
       VALUES ('ticket.sla_breached', 'ticket', $1, jsonb_build_object('target', 'first_response', 'due', $2::text))`,
      [t.id, new Date(t.firstResponseDueAt!).toISOString()],
    );
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${env.config.REDIS_PREFIX}-bull:sla:sla-${t.id}-*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await env.startWorker();
    await waitFor('escalation of the recorded breach', async () => (await ticket(admin, t.id)).escalationLevel >= 1, 20_000);
    const breaches = await queryDatabase(
      env.config.DATABASE_URL,
      `SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'ticket.sla_breached' AND after->>'target' = 'first_response'`,
      [t.id],
    );
    expect(breaches).toHaveLength(1);
  });

  it('refers a ticket to the competent officer of its category, with the reason in the history', async () => {
    const t = await routed((await open({ subject: 'إيجار', priority: 'high' })).id);
    const owner = t.assignee!.id === o1.id ? o1 : o2;
    const res = await owner.http.post<TicketJson>(`/api/v1/tickets/${t.id}/refer`, { reason: 'الإجراء غير واضح' });
    expect(res.status).toBe(201);
    expect(res.body.assignee?.id).toBe(competent.id);
    const detail = await admin.http.get<{ messages: { direction: string; body: string }[] }>(`/api/v1/tickets/${t.id}`);
    expect(detail.body.messages.some((m) => m.direction === 'note' && m.body.includes('الإجراء غير واضح'))).toBe(true);
    const history = await admin.http.get<{ items: { action: string; actorId: string }[] }>(`/api/v1/tickets/${t.id}/history`);
    expect(history.body.items.find((i) => i.action === 'ticket.referred')?.actorId).toBe(owner.id);
    expect((await notificationsOf(competent)).items.some((n) => n.kind === 'ticket.referred' && n.ticketId === t.id)).toBe(true);
    const general = await routed((await open({ subject: 'سؤال عام', priority: 'high' })).id);
    const refused = await o1.http.post(`/api/v1/tickets/${general.id}/refer`, { reason: 'x y z' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/category/);
  });

  it('waits for an available officer, then assigns as soon as one is', async () => {
    for (const o of [o1, o2]) expect((await o.http.request('PATCH', '/api/v1/users/me/availability', { availability: 'away' })).status).toBe(200);
    const t = await routed((await open({ subject: 'إيجار', priority: 'high' })).id);
    expect(t.assignee).toBeNull();
    await o2.http.request('PATCH', '/api/v1/users/me/availability', { availability: 'available' });
    await waitFor('assignment on availability', async () => (await ticket(admin, t.id)).assignee?.id === o2.id);
    await o1.http.request('PATCH', '/api/v1/users/me/availability', { availability: 'available' });
    expect((await o1.http.request('PATCH', '/api/v1/users/me/availability', { availability: 'asleep' })).status).toBe(400);
  });

  it('gives supervisors bulk control and each officer’s load', async () => {
    const a = await routed((await open({ subject: 'إيجار', priority: 'high' })).id);
    const b = await routed((await open({ subject: 'إيجار', priority: 'high' })).id);
    const bulk = await supervisor.http.post<{ items: TicketJson[] }>('/api/v1/tickets/bulk', {
      ticketIds: [a.id, b.id],
      assigneeId: o1.id,
      priority: 'urgent',
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.items.map((t) => [t.assignee?.id, t.priority])).toEqual([
      [o1.id, 'urgent'],
      [o1.id, 'urgent'],
    ]);
    expect((await o1.http.post('/api/v1/tickets/bulk', { ticketIds: [a.id], priority: 'low' })).status).toBe(403);
    const load = await supervisor.http.get<{ officers: { id: string; openTickets: number; availability: string }[]; breaching: { id: string }[] }>(
      `/api/v1/teams/${aidTeam}/load`,
    );
    expect(load.status).toBe(200);
    expect(load.body.officers.find((o) => o.id === o1.id)?.openTickets).toBeGreaterThanOrEqual(2);
    expect(load.body.breaching.length).toBeGreaterThan(0);
    expect((await o1.http.get(`/api/v1/teams/${aidTeam}/load`)).status).toBe(403);
  });

  it('lists notifications with an unread count and marks them read', async () => {
    type Item = { id: string; readAt: string | null; createdAt: string };
    const list = async () => (await competent.http.get<{ items: Item[]; unreadCount: number }>('/api/v1/notifications?limit=100')).body;
    const before = await list();
    expect(before.unreadCount).toBeGreaterThan(0);
    expect(before.unreadCount).toBe(before.items.filter((n) => !n.readAt).length);
    const first = before.items.find((n) => !n.readAt)!;
    expect((await competent.http.post<{ marked: number }>('/api/v1/notifications/read', { ids: [first.id] })).body.marked).toBe(1);
    expect((await list()).items.find((n) => n.id === first.id)?.readAt).not.toBeNull();
    // Escalations keep coming while this runs: everything that existed when "read all" was pressed is read.
    const cutoff = new Date().toISOString();
    await competent.http.post('/api/v1/notifications/read', {});
    expect((await list()).items.filter((n) => n.createdAt < cutoff && !n.readAt)).toEqual([]);
  });

  it('validates workflow settings and keeps them admin-only', async () => {
    const calendars = await admin.http.get<{ id: string }[]>('/api/v1/business-calendars');
    const bad = await admin.http.request('PUT', `/api/v1/business-calendars/${calendars.body[0].id}`, {
      name: 'x y',
      timeZone: 'Asia/Riyadh',
      weekly: ALWAYS_OPEN.slice(0, 5),
      holidays: [],
      overrides: [],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/7 days/);
    const dup = await admin.http.post('/api/v1/sla-policies', { name: 'مكرر', priority: 'high', firstResponseMinutes: 1, resolutionMinutes: 2 });
    expect(dup.status).toBe(409);
    const inverted = await admin.http.post('/api/v1/sla-policies', {
      name: 'مقلوب',
      priority: 'urgent',
      firstResponseMinutes: 10,
      resolutionMinutes: 2,
    });
    expect(inverted.status).toBe(400);
    const unknownTeam = await admin.http.post('/api/v1/routing-rules', {
      name: 'x y',
      conditions: {},
      actions: { teamId: '6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11' },
    });
    expect(unknownTeam.status).toBe(400);
    expect((await o1.http.post('/api/v1/routing-rules', { name: 'x y', conditions: {}, actions: {} })).status).toBe(403);
    const rows = await queryDatabase<{ n: string }>(
      env.config.DATABASE_URL,
      `SELECT count(*) n FROM audit_log WHERE action LIKE 'sla_policy.%' OR action LIKE 'routing_rule.%' OR action LIKE 'calendar.%'`,
    );
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(6);
  });
});
