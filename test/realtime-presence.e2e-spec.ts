import type { INestApplication } from '@nestjs/common';
import { io, type Socket } from 'socket.io-client';
import { createApiApp } from '../apps/api/src/api-app.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { TestEnvironment } from './support/test-environment.js';

interface Presence {
  ticketId: string;
  viewers: { id: string; name: string }[];
  typing: { id: string; name: string }[];
}

describe('presence on a ticket: who is viewing and who is typing (socket.io)', () => {
  const env = new TestEnvironment();
  let officer: StaffAccount;
  let supervisor: StaffAccount;
  let committee: StaffAccount;
  let ticketId: string;
  const sockets: Socket[] = [];

  const connect = (token: string, baseUrl = env.baseUrl): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = io(baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
      sockets.push(socket);
      socket.once('ready', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  /** The next presence event on `socket` that satisfies `test`. */
  const presenceWhere = (socket: Socket, test: (p: Presence) => boolean, timeoutMs = 5000): Promise<Presence> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.off('presence', listener);
        reject(new Error('no matching presence event'));
      }, timeoutMs);
      const listener = (p: Presence) => {
        if (!test(p)) return;
        clearTimeout(timer);
        socket.off('presence', listener);
        resolve(p);
      };
      socket.on('presence', listener);
    });

  const names = (users: { name: string }[]) => users.map((u) => u.name).sort();

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    officer = await createStaff(env, 'officer', 'سارة القحطاني');
    supervisor = await createStaff(env, 'supervisor', 'منى الدوسري');
    committee = await createStaff(env, 'committee', 'عبدالله الحربي');
    ticketId = (
      await officer.http.post<{ id: string }>('/api/v1/tickets', { channel: 'phone', subject: 'استفسار', body: 'نص', contact: { name: 'مستفيد' } })
    ).body.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await env.teardown();
  });

  it('lists viewers, shows typing for a few seconds, and drops those who leave or disconnect', async () => {
    const a = await connect(officer.token);
    const b = await connect(supervisor.token);

    const aSeesSelf = presenceWhere(a, (p) => p.viewers.length === 1);
    expect(await a.emitWithAck('ticket.watch', { ticketId })).toEqual({ ok: true });
    expect(names((await aSeesSelf).viewers)).toEqual(['سارة القحطاني']);

    const aSeesBoth = presenceWhere(a, (p) => p.viewers.length === 2);
    const bSeesBoth = presenceWhere(b, (p) => p.viewers.length === 2);
    expect(await b.emitWithAck('ticket.watch', { ticketId })).toEqual({ ok: true });
    expect((await aSeesBoth).ticketId).toBe(ticketId);
    expect(names((await bSeesBoth).viewers)).toEqual(['سارة القحطاني', 'منى الدوسري'].sort());

    // B types: A is told; the signal runs out by itself after a few seconds.
    const aSeesTyping = presenceWhere(a, (p) => p.typing.length === 1);
    expect(await b.emitWithAck('ticket.typing', { ticketId })).toEqual({ ok: true });
    expect((await aSeesTyping).typing).toEqual([{ id: supervisor.id, name: 'منى الدوسري' }]);
    const typingOver = await presenceWhere(a, (p) => p.typing.length === 0, 10_000);
    expect(typingOver.viewers).toHaveLength(2);

    // B leaves the ticket; then comes back and disconnects.
    const aAloneAgain = presenceWhere(a, (p) => p.viewers.length === 1);
    await b.emitWithAck('ticket.unwatch', { ticketId });
    expect(names((await aAloneAgain).viewers)).toEqual(['سارة القحطاني']);
    await b.emitWithAck('ticket.watch', { ticketId });
    const aAfterDisconnect = presenceWhere(a, (p) => p.viewers.length === 1);
    b.close();
    expect((await aAfterDisconnect).viewers).toEqual([{ id: officer.id, name: 'سارة القحطاني' }]);
  }, 30_000);

  it('shows viewers and typing across api replicas (sockets on different processes)', async () => {
    const replica: INestApplication = await createApiApp(env.config);
    await replica.listen(0, '127.0.0.1');
    try {
      const replicaUrl = `http://127.0.0.1:${(replica.getHttpServer().address() as { port: number }).port}`;
      const a = await connect(officer.token);
      const b = await connect(supervisor.token, replicaUrl);
      expect(await a.emitWithAck('ticket.watch', { ticketId })).toEqual({ ok: true });

      const aSeesB = presenceWhere(a, (p) => p.viewers.length === 2);
      const bSeesA = presenceWhere(b, (p) => p.viewers.length === 2);
      expect(await b.emitWithAck('ticket.watch', { ticketId })).toEqual({ ok: true });
      expect(names((await aSeesB).viewers)).toEqual(['سارة القحطاني', 'منى الدوسري'].sort());
      expect(names((await bSeesA).viewers)).toEqual(['سارة القحطاني', 'منى الدوسري'].sort());

      const aSeesTyping = presenceWhere(a, (p) => p.typing.length === 1);
      expect(await b.emitWithAck('ticket.typing', { ticketId })).toEqual({ ok: true });
      expect((await aSeesTyping).typing).toEqual([{ id: supervisor.id, name: 'منى الدوسري' }]);

      const aAlone = presenceWhere(a, (p) => p.viewers.length === 1);
      b.close();
      expect((await aAlone).viewers).toEqual([{ id: officer.id, name: 'سارة القحطاني' }]);
      a.close();
    } finally {
      await replica.close();
    }
  }, 30_000);

  it('refuses tickets the person may not open, bad ids, and typing without watching', async () => {
    const c = await connect(committee.token);
    expect(await c.emitWithAck('ticket.watch', { ticketId })).toEqual({ ok: false }); // the committee sees help requests only
    expect(await c.emitWithAck('ticket.watch', { ticketId: 'not-a-uuid' })).toEqual({ ok: false });
    expect(await c.emitWithAck('ticket.typing', { ticketId })).toEqual({ ok: false });
    const a = await connect(officer.token);
    expect(await a.emitWithAck('ticket.watch', { ticketId: '00000000-0000-4000-8000-000000000000' })).toEqual({ ok: false });
  });
});
