import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DEMO_PASSWORD, DemoDataSeeder } from '../apps/api/src/setup/demo-data.seeder.js';
import { SetupModule } from '../apps/api/src/setup/setup.module.js';
import { HttpClient } from './support/http-client.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

interface TicketJson {
  id: string;
  channel: string;
  status: string;
  team: { name: string } | null;
  category: { name: string } | null;
  assignee: { name: string } | null;
  contact: { name: string; kind: string };
  resolutionDueAt: string | null;
}

describe('demo data (npm start)', () => {
  const env = new TestEnvironment();
  let setup: INestApplicationContext;

  beforeAll(async () => {
    await env.setup();
    setup = await NestFactory.createApplicationContext(SetupModule.forRoot(env.config), { logger: false });
  });
  afterAll(async () => {
    await setup?.close();
    await env.teardown();
  });

  it('seeds once, and the worker turns its waiting messages into routed, assigned tickets', async () => {
    const first = await setup.get(DemoDataSeeder).seed();
    expect(first.created).toBe(true);
    expect((await setup.get(DemoDataSeeder).seed()).created).toBe(false);

    await env.startApi();
    const login = await new HttpClient(env.baseUrl).post<{ accessToken: string }>('/api/v1/auth/login', {
      email: 'mona@example.org',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    const supervisor = new HttpClient(env.baseUrl, login.body.accessToken);

    await env.startWorker();
    // The sweeper picks up the stored messages on its first pass (every 15 s).
    const tickets = await waitFor(
      'the demo messages to become tickets',
      async () => {
        const page = await supervisor.get<{ items: TicketJson[] }>('/api/v1/tickets?limit=50');
        return page.body.items.length === 4 && page.body.items.every((t) => t.team && t.resolutionDueAt) ? page.body.items : null;
      },
      45_000,
      500,
    );
    const sms = tickets.find((t) => t.channel === 'sms');
    expect(sms).toMatchObject({ team: { name: 'علاقات المستفيدين' }, category: { name: 'المساعدات المالية والإيجار' } });
    expect(sms?.assignee).not.toBeNull(); // the team assigns round-robin
    const detail = await supervisor.get<{ messages: { direction: string; body: string }[] }>(`/api/v1/tickets/${sms?.id}`);
    expect(detail.body.messages.filter((m) => m.direction === 'inbound')).toHaveLength(2); // the follow-up joined it
    const member = tickets.find((t) => t.channel === 'email');
    expect(member).toMatchObject({ contact: { name: 'فهد العتيبي', kind: 'member' }, team: { name: 'شؤون الأعضاء' } });
    expect(tickets.map((t) => t.channel).sort()).toEqual(['email', 'sms', 'web', 'whatsapp']);
  });
});
