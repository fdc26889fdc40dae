import { UsersService, type StaffRole } from '@app/users';
import type { TestEnvironment } from './test-environment.js';
import { HttpClient } from './http-client.js';

export interface StaffAccount {
  id: string;
  email: string;
  http: HttpClient;
  token: string;
}

/** Creates a staff account directly through the users service and signs it in over HTTP. */
export async function createStaff(env: TestEnvironment, role: StaffRole, name: string, teamIds: string[] = []): Promise<StaffAccount> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = `${role}-password-123`;
  const user = await env.api!.get(UsersService).create({ name, email, password, role, teamIds }, { id: null });
  const res = await new HttpClient(env.baseUrl).post<{ accessToken: string }>('/api/v1/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return { id: user.id, email, token: res.body.accessToken, http: new HttpClient(env.baseUrl, res.body.accessToken) };
}
