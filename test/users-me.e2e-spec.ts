import { HttpClient } from './support/http-client.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { TestEnvironment } from './support/test-environment.js';

interface Me {
  id: string;
  name: string;
  email: string;
  role: string;
  preferredLanguage: string;
  availability: string;
  teams: { id: string; name: string; nameEn: string | null }[];
}

describe('GET /api/v1/users/me: the signed-in staff member', () => {
  const env = new TestEnvironment();
  let admin: StaffAccount;
  let officer: StaffAccount;
  let teamId: string;

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    admin = await createStaff(env, 'admin', 'المدير');
    teamId = (await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'علاقات المستفيدين', nameEn: 'Beneficiary relations' })).body.id;
    await admin.http.post('/api/v1/teams', { name: 'فريق آخر' });
    officer = await createStaff(env, 'officer', 'نورة العتيبي', [teamId]);
  });

  afterAll(() => env.teardown());

  it('answers an officer with their account, availability and own teams only', async () => {
    const res = await officer.http.get<Me>('/api/v1/users/me');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: officer.id,
      name: 'نورة العتيبي',
      email: officer.email,
      role: 'officer',
      preferredLanguage: 'ar',
      availability: 'available',
      teams: [{ id: teamId, name: 'علاقات المستفيدين', nameEn: 'Beneficiary relations' }],
    });
    expect(JSON.stringify(res.body)).not.toContain('password');
  });

  it('shows the availability as stored, whether the officer or an admin changed it', async () => {
    expect((await officer.http.request('PATCH', '/api/v1/users/me/availability', { availability: 'away' })).status).toBe(200);
    expect((await officer.http.get<Me>('/api/v1/users/me')).body.availability).toBe('away');

    expect((await admin.http.patch(`/api/v1/users/${officer.id}`, { availability: 'offline' })).status).toBe(200);
    expect((await officer.http.get<Me>('/api/v1/users/me')).body.availability).toBe('offline');
  });

  it('answers an admin too, and refuses without a session', async () => {
    const res = await admin.http.get<Me>('/api/v1/users/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: admin.id, role: 'admin', teams: [] });
    expect((await new HttpClient(env.baseUrl).get('/api/v1/users/me')).status).toBe(401);
  });
});
