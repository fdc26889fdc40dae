import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

interface RuleJson {
  id: string;
  name: string;
  position: number;
}
interface TicketJson {
  id: string;
  team: { id: string } | null;
  firstResponseDueAt: string | null;
}

describe('reordering the routing rules at once', () => {
  const env = new TestEnvironment();
  let admin: StaffAccount;
  let supervisor: StaffAccount;
  let aidTeam: string;
  let generalTeam: string;
  let rent: RuleJson;
  let fallback: RuleJson;
  let complaints: RuleJson;

  const rule = async (body: Record<string, unknown>) => {
    const res = await admin.http.post<RuleJson>('/api/v1/routing-rules', body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const names = async () => (await supervisor.http.get<RuleJson[]>('/api/v1/routing-rules')).body.map((r) => r.name);
  const reorder = (ids: string[], who: StaffAccount = admin) => who.http.request<RuleJson[] & { message: string }>('PUT', '/api/v1/routing-rules/order', { ids });
  const routedTeam = async (subject: string) => {
    const opened = await admin.http.post<TicketJson>('/api/v1/tickets', {
      channel: 'phone',
      subject,
      body: subject,
      contact: { name: 'مستفيد', phone: `050${Math.floor(1_000_000 + Math.random() * 8_999_999)}` },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const routed = await waitFor(`ticket ${id} routed`, async () => {
      const t = (await admin.http.get<TicketJson>(`/api/v1/tickets/${id}`)).body;
      return t.firstResponseDueAt ? t : null;
    });
    return routed.team?.id;
  };

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    admin = await createStaff(env, 'admin', 'المدير');
    supervisor = await createStaff(env, 'supervisor', 'المشرفة');
    aidTeam = (await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'فريق المساعدات' })).body.id;
    generalTeam = (await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'الاستفسارات العامة' })).body.id;
    // Created in the wrong order: the catch-all first hides the rent rule.
    fallback = await rule({ name: 'الافتراضية', conditions: {}, actions: { teamId: generalTeam } });
    rent = await rule({ name: 'الإيجار', conditions: { keywords: ['إيجار'] }, actions: { teamId: aidTeam } });
    complaints = await rule({ name: 'الشكاوى', conditions: { types: ['complaint'] }, actions: { priority: 'high' } });
  });
  afterAll(() => env.teardown());

  it('puts every rule in the new order in one call, and routing follows it', async () => {
    expect(await routedTeam('تأخر سداد الإيجار')).toBe(generalTeam);

    const res = await reorder([rent.id, complaints.id, fallback.id]);
    expect(res.status).toBe(200);
    expect(res.body.map((r) => [r.name, r.position])).toEqual([
      ['الإيجار', 10],
      ['الشكاوى', 20],
      ['الافتراضية', 30],
    ]);
    expect(await names()).toEqual(['الإيجار', 'الشكاوى', 'الافتراضية']);
    expect(await routedTeam('تأخر سداد الإيجار')).toBe(aidTeam);

    const audit = await queryDatabase<{ actor_id: string; after: { order: { name: string }[] } }>(
      env.config.DATABASE_URL,
      "SELECT actor_id, after FROM audit_log WHERE action = 'routing_rule.reordered'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(admin.id);
    expect(audit[0].after.order.map((r) => r.name)).toEqual(['الإيجار', 'الشكاوى', 'الافتراضية']);
  });

  it('refuses a list that does not name exactly the existing rules, naming what is wrong, and changes nothing', async () => {
    const stranger = '6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11';
    const missing = await reorder([fallback.id, rent.id]);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain(`ids must list every routing rule exactly once (missing: ${complaints.id})`);

    const wrong = await reorder([fallback.id, fallback.id, rent.id, complaints.id, stranger]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain(`not a routing rule: ${stranger}`);
    expect(wrong.body.message).toContain(`listed more than once: ${fallback.id}`);

    const notIds = await reorder(['first', 'second']);
    expect(notIds.status).toBe(400);
    expect(notIds.body.message).toMatch(/ids/);
    const noList = await admin.http.request<{ message: string }>('PUT', '/api/v1/routing-rules/order', {});
    expect(noList.status).toBe(400);
    expect(noList.body.message).toMatch(/ids/);

    expect(await names()).toEqual(['الإيجار', 'الشكاوى', 'الافتراضية']);
  });

  it('is for admins only', async () => {
    expect((await reorder([fallback.id, rent.id, complaints.id], supervisor)).status).toBe(403);
    expect(await names()).toEqual(['الإيجار', 'الشكاوى', 'الافتراضية']);
  });
});
