import { UsersService } from '@app/users';
import { HttpClient } from './support/http-client.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';

const ADMIN = { email: 'admin@example.org', password: 'admin-password-123' };

describe('staff sign-in, roles and user administration', () => {
  const env = new TestEnvironment();
  let http: HttpClient;
  let admin: HttpClient;

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    http = new HttpClient(env.baseUrl);
    await env.api!.get(UsersService).create(
      {
        name: 'مدير',
        email: ADMIN.email,
        password: ADMIN.password,
        role: 'admin',
      },
      { id: null },
    );
    admin = await http.login(ADMIN.email, ADMIN.password);
  });
  afterAll(() => env.teardown());

  it('signs in with the right password: token in the body and an http-only cookie', async () => {
    const res = await http.post<{
      accessToken: string;
      user: { role: string };
    }>('/api/v1/auth/login', {
      email: 'ADMIN@example.org ',
      password: ADMIN.password,
    });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.body.user.role).toBe('admin');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('hd_access=');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The cookie alone authenticates the console.
    const me = await http.get('/api/v1/auth/me', {
      cookie: cookie.split(';')[0],
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'admin', name: 'مدير' });
  });

  it('refuses a wrong password with 401 in the error shape, and records it in the audit log', async () => {
    const res = await http.post('/api/v1/auth/login', {
      email: ADMIN.email,
      password: 'not-the-password',
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'e-mail or password is incorrect',
    });
    const audit = await admin.get<{
      items: { action: string; after: { reason: string } }[];
    }>('/api/v1/audit?action=auth.login_failed');
    expect(audit.body.items[0]).toMatchObject({
      action: 'auth.login_failed',
      after: { reason: 'wrong_password' },
    });
  });

  it('names the missing field on bad sign-in input', async () => {
    const res = await http.post('/api/v1/auth/login', { email: ADMIN.email });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('password');
    const unknown = await http.post('/api/v1/auth/login', {
      email: ADMIN.email,
      password: 'x',
      extra: 1,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('extra');
    const broken = await http.request('POST', '/api/v1/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
  });

  it('locks an account after five failed sign-ins, even for the right password', async () => {
    const email = 'locked@example.org';
    await env.api!.get(UsersService).create(
      {
        name: 'Locked',
        email,
        password: 'right-password-1',
        role: 'officer',
      },
      { id: null },
    );
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await http.post('/api/v1/auth/login', {
            email,
            password: `wrong-${i}`,
          })
        ).status,
      ).toBe(401);
    }
    const res = await http.post('/api/v1/auth/login', {
      email,
      password: 'right-password-1',
    });
    expect(res.status).toBe(429);
    expect(res.body.message).toMatch(/too many failed sign-ins/);
  });

  it('answers 401 without a token and 403 for a role that may not act', async () => {
    expect((await http.get('/api/v1/users')).status).toBe(401);
    expect((await http.get('/api/v1/users', { authorization: 'Bearer not.a.token' })).status).toBe(401);
    await admin.post('/api/v1/users', {
      name: 'Officer One',
      email: 'officer1@example.org',
      password: 'officer-password-1',
      role: 'officer',
    });
    const officer = await http.login('officer1@example.org', 'officer-password-1');
    const res = await officer.post('/api/v1/users', {
      name: 'X',
      email: 'x@example.org',
      password: 'xxxxxxxxxxxx',
      role: 'admin',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect((await officer.get('/api/v1/audit')).status).toBe(403);
    expect((await officer.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('lets an admin create, list and change users, and validates the input', async () => {
    const created = await admin.post<{
      id: string;
      email: string;
      role: string;
      active: boolean;
    }>('/api/v1/users', {
      name: 'نورة العتيبي',
      email: 'Noura@Example.org',
      password: 'noura-password-1',
      role: 'supervisor',
      preferredLanguage: 'en',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'noura@example.org',
      role: 'supervisor',
      active: true,
    });
    expect(created.body).not.toHaveProperty('passwordHash');

    const dup = await admin.post('/api/v1/users', {
      name: 'Again',
      email: 'noura@example.org',
      password: 'noura-password-1',
      role: 'officer',
    });
    expect(dup.status).toBe(409);

    const badRole = await admin.post('/api/v1/users', {
      name: 'Bad',
      email: 'bad@example.org',
      password: 'bad-password-1',
      role: 'king',
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.message).toContain('role');

    const list = await admin.get<{ items: { email: string }[] }>('/api/v1/users?role=supervisor');
    expect(list.body.items.map((u) => u.email)).toEqual(['noura@example.org']);

    expect((await admin.get('/api/v1/users/not-a-uuid')).status).toBe(400);
    expect((await admin.get('/api/v1/users/4b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11')).status).toBe(404);

    const patched = await admin.patch<{ name: string }>(`/api/v1/users/${created.body.id}`, { name: 'نورة' });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe('نورة');
  });

  it('ends every session of a user who is deactivated', async () => {
    const created = await admin.post<{ id: string }>('/api/v1/users', {
      name: 'Temp',
      email: 'temp@example.org',
      password: 'temp-password-1',
      role: 'officer',
    });
    const temp = await http.login('temp@example.org', 'temp-password-1');
    expect((await temp.get('/api/v1/auth/me')).status).toBe(200);
    const res = await admin.patch(`/api/v1/users/${created.body.id}`, {
      active: false,
    });
    expect(res.status).toBe(200);
    expect((await temp.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (
        await http.post('/api/v1/auth/login', {
          email: 'temp@example.org',
          password: 'temp-password-1',
        })
      ).status,
    ).toBe(401);
  });

  it('signs out: the token stops working', async () => {
    const client = await http.login(ADMIN.email, ADMIN.password);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('records sign-ins and user changes in the audit log, with before and after', async () => {
    const res = await admin.get<{
      items: {
        action: string;
        entityType: string;
        before: unknown;
        after: Record<string, unknown> | null;
      }[];
      nextCursor: string | null;
    }>('/api/v1/audit?entityType=user&limit=100');
    const actions = res.body.items.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'user.created', 'user.updated', 'user.deactivated', 'auth.logout']),
    );
    const rename = res.body.items.find((i) => i.action === 'user.updated' && i.after?.name === 'نورة');
    expect(rename?.before).toMatchObject({ name: 'نورة العتيبي' });
    expect(JSON.stringify(res.body)).not.toContain('password_hash');
    const rows = await queryDatabase<{ n: string }>(env.config.DATABASE_URL, `SELECT count(*) AS n FROM audit_log WHERE action = 'user.created'`);
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(4);
  });

  it('pages the audit log with a cursor and rejects a forged cursor', async () => {
    const first = await admin.get<{
      items: { id: string }[];
      nextCursor: string;
    }>('/api/v1/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await admin.get<{ items: { id: string }[] }>(`/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.items.map((i) => i.id)).not.toContain(first.body.items[0].id);
    const bad = await admin.get('/api/v1/audit?cursor=zzz');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('cursor');
    expect((await admin.get('/api/v1/audit?limit=5000')).status).toBe(400);
  });
});
