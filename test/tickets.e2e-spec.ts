import { io, type Socket } from 'socket.io-client';
import { parseTicketNumber } from '@app/tickets';
import { createStaff, type StaffAccount } from './support/staff.js';
import { HttpClient } from './support/http-client.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';

interface TicketJson {
  id: string;
  number: string;
  status: string;
  channel: string;
  type: string;
  priority: string;
  subject: string;
  contact: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  escalationLevel: number;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  createdAt: string;
  firstRespondedAt: string | null;
}
interface MessageJson {
  id: string;
  direction: string;
  channel: string;
  body: string;
  deliveryStatus: string | null;
  createdAt: string;
  attachments: { id: string; filename: string; url: string }[];
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe('tickets, contacts and the shared queue', () => {
  const env = new TestEnvironment();
  let admin: StaffAccount;
  let officer: StaffAccount;
  let officer2: StaffAccount;
  let supervisor: StaffAccount;
  let committee: StaffAccount;
  let teamId: string;

  const openCall = (who: StaffAccount, body: Record<string, unknown>) =>
    who.http.post<TicketJson>('/api/v1/tickets', { channel: 'phone', subject: 'استفسار', body: 'اتصل يسأل عن المساعدة', ...body });

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    admin = await createStaff(env, 'admin', 'المدير');
    const team = await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'علاقات المستفيدين', nameEn: 'Beneficiary relations' });
    teamId = team.body.id;
    officer = await createStaff(env, 'officer', 'سارة القحطاني', [teamId]);
    officer2 = await createStaff(env, 'officer', 'خالد الشمري', [teamId]);
    supervisor = await createStaff(env, 'supervisor', 'منى الدوسري', [teamId]);
    committee = await createStaff(env, 'committee', 'عبدالله الحربي');
  });
  afterAll(() => env.teardown());

  describe('opening tickets for calls, letters and visits', () => {
    it('opens a phone ticket for a new caller, numbered by Hijri year, with the caller as a contact', async () => {
      const res = await openCall(officer, { contact: { name: 'فاطمة الزهراني', phone: '0501234567' }, priority: 'high' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'new',
        channel: 'phone',
        type: 'inquiry',
        priority: 'high',
        contact: { name: 'فاطمة الزهراني' },
        assignee: null,
        escalationLevel: 0,
      });
      expect(res.body.number).toMatch(/^14\d\d-\d{6}$/);
      const contact = await officer.http.get<{ identities: { kind: string; address: string }[] }>(`/api/v1/contacts/${res.body.contact.id}`);
      expect(contact.body.identities).toEqual([{ kind: 'phone', address: '+966501234567' }]);
    });

    it('numbers tickets with at least six digits, in the form a search by number finds', async () => {
      const year = Number((await openCall(officer, { contact: { name: 'رقم أول' } })).body.number.slice(0, 4));
      const [{ last_value: kept }] = await queryDatabase<{ last_value: string }>(
        env.config.DATABASE_URL,
        'SELECT last_value FROM ticket_number_counters WHERE hijri_year = $1',
        [year],
      );
      const numberAfter = async (last: number) => {
        await queryDatabase(env.config.DATABASE_URL, 'UPDATE ticket_number_counters SET last_value = $2 WHERE hijri_year = $1', [year, last]);
        return (await openCall(officer, { contact: { name: `بعد ${last}` } })).body.number;
      };
      expect(await numberAfter(122)).toBe(`${year}-000123`);
      expect(await numberAfter(1234566)).toBe(`${year}-1234567`);
      expect(parseTicketNumber(`${year}-123`)).toBe(`${year}-000123`);
      expect(parseTicketNumber(`${year}-1234567`)).toBe(`${year}-1234567`);
      await queryDatabase(env.config.DATABASE_URL, 'UPDATE ticket_number_counters SET last_value = $2 WHERE hijri_year = $1', [year, kept]);
    });

    it('finds the same caller again when the number is written another way', async () => {
      const first = await openCall(officer, { contact: { name: 'Someone', phone: '٠٥٥١١١٢٢٢٣' } });
      const second = await openCall(officer, { channel: 'visit', contact: { name: 'Someone else', phone: '+966 55 111 2223' } });
      expect(second.body.contact.id).toBe(first.body.contact.id);
      expect(second.body.number).not.toBe(first.body.number);
    });

    it('opens a letter ticket for an existing contact by id', async () => {
      const first = await openCall(officer, { contact: { name: 'صاحب الخطاب', email: 'letter@example.org' } });
      const res = await officer.http.post<TicketJson>('/api/v1/tickets', {
        channel: 'letter',
        contactId: first.body.contact.id,
        subject: 'خطاب',
        body: 'نص الخطاب',
        type: 'complaint',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ channel: 'letter', type: 'complaint', contact: { id: first.body.contact.id } });
    });

    it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
      const before = await queryDatabase<{ n: string }>(env.config.DATABASE_URL, 'SELECT count(*) n FROM tickets');
      const cases: [Record<string, unknown>, string][] = [
        [{ channel: 'sms', contact: { name: 'x y', phone: '0501234567' } }, 'channel'],
        [{ contact: { name: 'x y', phone: 'not-a-phone' } }, 'phone'],
        [{ contact: { name: 'x y', nationalId: '1000000000' } }, 'nationalId'],
        [{ subject: '', contact: { name: 'x y' } }, 'subject'],
        [{ contact: { name: 'x y' }, priority: 'super' }, 'priority'],
        [{ contactId: 'abc' }, 'contactId'],
        [{}, 'contactId or contact'],
      ];
      for (const [body, field] of cases) {
        const res = await openCall(officer, body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        expect(String((res.body as unknown as { message: string }).message)).toContain(field);
      }
      const unknown = await openCall(officer, { contactId: '6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11' });
      expect(unknown.status).toBe(404);
      const after = await queryDatabase<{ n: string }>(env.config.DATABASE_URL, 'SELECT count(*) n FROM tickets');
      expect(after[0].n).toBe(before[0].n);
    });

    it('does not let the committee open tickets', async () => {
      expect((await openCall(committee, { contact: { name: 'x y' } })).status).toBe(403);
    });
  });

  describe('working a ticket', () => {
    let ticket: TicketJson;

    beforeAll(async () => {
      ticket = (await openCall(officer, { contact: { name: 'نورة', phone: '0561234567' }, teamId })).body;
    });

    it('shows one ticket with its contact and messages', async () => {
      const res = await officer.http.get<
        TicketJson & { messages: MessageJson[]; contactDetail: { identities: unknown[] }; allowedStatuses: string[] }
      >(`/api/v1/tickets/${ticket.id}`);
      expect(res.status).toBe(200);
      expect(res.body.messages).toEqual([
        expect.objectContaining({ direction: 'inbound', channel: 'phone', body: 'اتصل يسأل عن المساعدة', deliveryStatus: 'received' }),
      ]);
      expect(res.body.contactDetail.identities).toEqual([{ kind: 'phone', address: '+966561234567' }]);
      expect(res.body.allowedStatuses).toEqual(['open', 'pending', 'resolved', 'closed']);
      expect(res.body).toHaveProperty('firstResponseDueAt');
      expect(res.body).toHaveProperty('resolutionDueAt');
    });

    it('answers 404 for an unknown ticket and 400 for a malformed id', async () => {
      expect((await officer.http.get('/api/v1/tickets/6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11')).status).toBe(404);
      const bad = await officer.http.get('/api/v1/tickets/12');
      expect(bad.status).toBe(400);
    });

    it('adds a note that is never sent, and a reply queued for delivery that opens the ticket', async () => {
      const note = await officer.http.post<MessageJson>(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'note', body: 'ملاحظة داخلية' });
      expect(note.status).toBe(201);
      expect(note.body).toMatchObject({ direction: 'note', deliveryStatus: null });
      const reply = await officer.http.post<MessageJson>(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'reply', body: 'تم استلام طلبك' });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ direction: 'outbound', channel: 'phone', deliveryStatus: 'queued', body: 'تم استلام طلبك' });
      const after = await officer.http.get<TicketJson>(`/api/v1/tickets/${ticket.id}`);
      expect(after.body.status).toBe('open');
      expect(after.body.firstRespondedAt).not.toBeNull();
      const empty = await officer.http.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'shout', body: '' });
      expect(empty.status).toBe(400);
      expect(String(empty.body.message)).toMatch(/kind/);
    });

    it('lets an officer claim an unassigned ticket of their team, but not take someone else’s', async () => {
      const claim = await officer.http.post<TicketJson>(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: officer.id });
      expect(claim.status).toBe(201);
      expect(claim.body.assignee).toEqual({ id: officer.id, name: 'سارة القحطاني' });
      const steal = await officer2.http.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: officer2.id });
      expect(steal.status).toBe(403);
      expect(steal.body.message).toMatch(/supervisor/);
    });

    it('lets a supervisor reassign, but never to a committee member', async () => {
      const res = await supervisor.http.post<TicketJson>(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: officer2.id });
      expect(res.status).toBe(201);
      expect(res.body.assignee?.id).toBe(officer2.id);
      const bad = await supervisor.http.post(`/api/v1/tickets/${ticket.id}/assign`, { assigneeId: committee.id });
      expect(bad.status).toBe(400);
    });

    it('escalates with a reason, one level at a time', async () => {
      expect((await supervisor.http.post(`/api/v1/tickets/${ticket.id}/escalate`, {})).status).toBe(400);
      const res = await supervisor.http.post<TicketJson>(`/api/v1/tickets/${ticket.id}/escalate`, { reason: 'تأخر الرد على المستفيد' });
      expect(res.body.escalationLevel).toBe(1);
      const again = await supervisor.http.post<TicketJson>(`/api/v1/tickets/${ticket.id}/escalate`, { reason: 'ما زال متأخراً' });
      expect(again.body.escalationLevel).toBe(2);
    });

    it('refuses illegal status changes with 409 and the reason', async () => {
      const toCommittee = await officer.http.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'with_committee' });
      expect(toCommittee.status).toBe(409);
      expect(toCommittee.body.message).toMatch(/committee hand-off/);
      const badValue = await officer.http.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'done' });
      expect(badValue.status).toBe(400);
      const pending = await officer.http.post<TicketJson>(`/api/v1/tickets/${ticket.id}/status`, { status: 'pending' });
      expect(pending.body.status).toBe('pending');
      const resolved = await officer.http.post<TicketJson>(`/api/v1/tickets/${ticket.id}/resolve`, { note: 'تمت الإجابة' });
      expect(resolved.body.status).toBe('resolved');
      const back = await officer.http.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'pending' });
      expect(back.status).toBe(409);
      expect(back.body.message).toBe('a resolved ticket cannot become pending');
      expect((await officer.http.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'closed' })).status).toBe(201);
      const reply = await officer.http.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'reply', body: 'hello' });
      expect(reply.status).toBe(409);
    });

    it('keeps the whole history in the audit log', async () => {
      const res = await officer.http.get<{ items: { action: string; after: Record<string, unknown> | null }[] }>(
        `/api/v1/tickets/${ticket.id}/history`,
      );
      expect(res.body.items.map((i) => i.action)).toEqual([
        'ticket.created',
        'ticket.note_added',
        'ticket.status_changed',
        'ticket.replied',
        'ticket.assigned',
        'ticket.assigned',
        'ticket.escalated',
        'ticket.escalated',
        'ticket.status_changed',
        'ticket.sla_paused',
        'ticket.note_added',
        'ticket.status_changed',
        'ticket.status_changed',
      ]);
    });

    it('changes priority, team and tags', async () => {
      const t = (await openCall(officer, { contact: { name: 'x y z' } })).body;
      const res = await supervisor.http.patch<TicketJson & { tags: string[] }>(`/api/v1/tickets/${t.id}`, {
        priority: 'urgent',
        teamId,
        tags: ['Rent', 'rent', ' urgent '],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ priority: 'urgent', team: { id: teamId }, tags: ['rent', 'urgent'] });
      expect((await supervisor.http.patch(`/api/v1/tickets/${t.id}`, { teamId: '6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11' })).status).toBe(400);
    });
  });

  describe('attachments', () => {
    it('uploads a file, sends it with a reply, and serves it only to staff as a download', async () => {
      const t = (await openCall(officer, { contact: { name: 'مرفقات', phone: '0591112233' } })).body;
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('%PDF-1.4 test')], { type: 'application/pdf' }), 'صورة الهوية.pdf');
      const upload = await fetch(`${env.baseUrl}/api/v1/tickets/${t.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer.token}` },
        body: form,
      });
      expect(upload.status).toBe(201);
      const att = (await upload.json()) as { id: string; filename: string; url: string };
      expect(att.filename).toBe('صورة الهوية.pdf');
      const reply = await officer.http.post<MessageJson>(`/api/v1/tickets/${t.id}/messages`, {
        kind: 'reply',
        body: 'مرفق',
        attachmentIds: [att.id],
      });
      expect(reply.body.attachments).toEqual([expect.objectContaining({ id: att.id, filename: 'صورة الهوية.pdf' })]);
      const again = await officer.http.post(`/api/v1/tickets/${t.id}/messages`, { kind: 'reply', body: 'مرة أخرى', attachmentIds: [att.id] });
      expect(again.status).toBe(400);

      const download = await fetch(`${env.baseUrl}${att.url}`, { headers: { authorization: `Bearer ${officer.token}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('صورة الهوية.pdf')}`);
      expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1.4 test');
      expect((await fetch(`${env.baseUrl}${att.url}`)).status).toBe(401);

      const exe = new FormData();
      exe.append('file', new Blob([Buffer.from('MZ')], { type: 'application/x-msdownload' }), 'x.exe');
      const refused = await fetch(`${env.baseUrl}/api/v1/tickets/${t.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer.token}` },
        body: exe,
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toMatch(/not accepted/);
    });
  });

  describe('the queue', () => {
    let ids: string[] = [];

    beforeAll(async () => {
      const made: TicketJson[] = [];
      for (let i = 0; i < 7; i++) {
        made.push(
          (
            await openCall(officer, {
              contact: { name: `مستفيد ${i}`, phone: `05012300${10 + i}` },
              subject: `طلب رقم ${i}`,
              type: i % 2 ? 'complaint' : 'inquiry',
              teamId,
            })
          ).body,
        );
      }
      ids = made.map((t) => t.id);
      await officer.http.post(`/api/v1/tickets/${ids[0]}/assign`, { assigneeId: officer.id });
      await officer.http.post(`/api/v1/tickets/${ids[1]}/assign`, { assigneeId: officer.id });
    });

    it('filters by status, channel, type, team, mine and unassigned', async () => {
      const mine = await officer.http.get<Page<TicketJson>>('/api/v1/tickets?mine=true&status=new');
      expect(mine.body.items.map((t) => t.id).sort()).toEqual([ids[0], ids[1]].sort());
      const complaints = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?type=complaint&teamId=${teamId}&limit=100`);
      expect(complaints.body.items.every((t) => t.type === 'complaint')).toBe(true);
      expect(complaints.body.items.length).toBeGreaterThanOrEqual(3);
      const unassigned = await officer.http.get<Page<TicketJson>>('/api/v1/tickets?unassigned=true&limit=100');
      expect(unassigned.body.items.some((t) => t.id === ids[0])).toBe(false);
      expect(unassigned.body.items.some((t) => t.id === ids[2])).toBe(true);
      const byAssignee = await supervisor.http.get<Page<TicketJson>>(`/api/v1/tickets?assigneeId=${officer.id}&channel=phone,visit`);
      expect(byAssignee.body.items.every((t) => t.assignee?.id === officer.id)).toBe(true);
      const multi = await officer.http.get<Page<TicketJson>>('/api/v1/tickets?status=new&status=open&limit=100');
      expect(multi.body.items.every((t) => ['new', 'open'].includes(t.status))).toBe(true);
    });

    it('pages with a cursor: every ticket once, in order', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: Page<TicketJson> } = await officer.http.get<Page<TicketJson>>(
          `/api/v1/tickets?sort=oldest&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...res.body.items.map((t) => t.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      const total = await queryDatabase<{ n: string }>(env.config.DATABASE_URL, 'SELECT count(*) n FROM tickets');
      expect(seen).toHaveLength(Number(total[0].n));
      expect(new Set(seen).size).toBe(seen.length);
      const created = await queryDatabase<{ id: string }>(env.config.DATABASE_URL, 'SELECT id FROM tickets ORDER BY created_at, id');
      expect(seen).toEqual(created.map((r) => r.id));
    });

    it('rejects malformed filters, limits and cursors with a 400 naming the parameter', async () => {
      for (const [query, name] of [
        ['status=bogus', 'status'],
        ['channel=fax', 'channel'],
        ['limit=1000', 'limit'],
        ['limit=abc', 'limit'],
        ['cursor=%%%', 'cursor'],
        ['teamId=12', 'teamId'],
        ['mine=maybe', 'mine'],
        ['sort=random', 'sort'],
        ['page=2', 'page'],
      ]) {
        const res = await officer.http.get(`/api/v1/tickets?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(String(res.body.message)).toContain(name);
      }
    });

    it('shows overdue tickets to supervisors', async () => {
      await queryDatabase(env.config.DATABASE_URL, `UPDATE tickets SET first_response_due_at = now() - interval '1 hour' WHERE id = $1`, [ids[3]]);
      const res = await supervisor.http.get<Page<TicketJson>>('/api/v1/tickets?overdue=true');
      expect(res.body.items.map((t) => t.id)).toEqual([ids[3]]);
    });
  });

  describe('Arabic-aware search', () => {
    let target: TicketJson;

    beforeAll(async () => {
      target = (
        await openCall(officer, {
          contact: { name: 'أحمد عبدالله', phone: '0549876543', email: 'Ahmad@Example.org' },
          subject: 'طلب مساعدة إيجار',
          body: 'أرجو مساعدتي في سداد الإيجار للشهر القادم \u202Eمع الشكر\u202C',
        })
      ).body;
    });

    it.each([
      ['احمد', 'name without hamza'],
      ['أَحْمَد', 'name with diacritics'],
      ['ايجار', 'subject word spelled without hamza'],
      ['مساعده', 'ta marbuta written as ha'],
      ['سداد الايجار', 'message text'],
      ['في سداد الإيجار', 'three words of the message'],
      ['ايجار للشهر', 'a phrase starting after the article of its first word'],
      ['سداد الإيجار للش', 'a phrase ending inside a word'],
      ['0549876543', 'local phone'],
      ['٠٥٤٩٨٧٦٥٤٣', 'Arabic-Indic phone'],
      ['ahmad@example.org', 'e-mail'],
      ['مع الشكر', 'text next to an RTL override'],
    ])('finds the ticket by %s (%s)', async (q) => {
      const res = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((t) => t.id)).toContain(target.id);
    });

    it('finds a ticket by its number, and nothing for an unknown word', async () => {
      const res = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${target.number}`);
      expect(res.body.items.map((t) => t.id)).toEqual([target.id]);
      const none = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${encodeURIComponent('كلمةغيرموجودة')}`);
      expect(none.body.items).toEqual([]);
      const wild = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${encodeURIComponent('%')}`);
      expect(wild.body.items).toEqual([]);
      // Every word is there, but not as this phrase.
      const scrambled = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${encodeURIComponent('الايجار سداد')}`);
      expect(scrambled.body.items.map((t) => t.id)).not.toContain(target.id);
      const apart = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${encodeURIComponent('سداد للشهر')}`);
      expect(apart.body.items.map((t) => t.id)).not.toContain(target.id);
    });

    it('finds a phrase with quotes and backslashes in it, read as plain text', async () => {
      const quoted = (await openCall(officer, { contact: { name: 'Sam' }, subject: 'Rent', body: "Mr O'Brien's rent C:\\temp\\x & more" })).body;
      for (const q of ["o'brien's rent", 'c:\\temp\\x & more', "o'brien's"]) {
        const res = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        expect(res.body.items.map((t) => t.id)).toEqual([quoted.id]);
      }
      const bad = await officer.http.get<Page<TicketJson>>(`/api/v1/tickets?q=${encodeURIComponent("o'brien's & |")}`);
      expect(bad.status).toBe(200);
      expect(bad.body.items).toEqual([]);
    });

    it('pages through search results in every sort order: each match once, filters on every way of matching', async () => {
      const word = 'زمزمية';
      const made = [
        await openCall(officer, { contact: { name: 'نورة' }, subject: `سؤال عن ${word}` }), // subject
        await openCall(officer, { contact: { name: `${word} العتيبي` } }), // contact name
        await openCall(officer, { contact: { name: 'هند' }, body: `أسأل عن برنامج ${word} للأسر` }), // message text
        await openCall(officer, { contact: { name: 'ريم' }, subject: `${word} مرة أخرى`, body: `وأيضا ${word} في النص` }), // both
        await openCall(officer, { contact: { name: 'سلمى' }, subject: `${word} قديم` }),
        await openCall(officer, { contact: { name: 'لمى' }, subject: `${word} مغلق` }),
      ].map((r) => r.body.id);
      // Distinct activity and due times so each sort has one right answer; two without a deadline.
      for (const [i, id] of made.entries()) {
        await queryDatabase(
          env.config.DATABASE_URL,
          `UPDATE tickets SET last_activity_at = now() - ($2 || ' minutes')::interval,
             resolution_due_at = CASE WHEN $3 THEN NULL ELSE now() + ($4 || ' minutes')::interval END WHERE id = $1`,
          [id, String([30, 10, 50, 20, 40, 60][i]), i === 1 || i === 4, String([7, 0, 3, 9, 0, 1][i])],
        );
      }
      await queryDatabase(env.config.DATABASE_URL, `UPDATE tickets SET status = 'closed' WHERE id = $1`, [made[5]]);

      const pageAll = async (query: string): Promise<string[]> => {
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const res: { status: number; body: Page<TicketJson> } = await officer.http.get<Page<TicketJson>>(
            `/api/v1/tickets?q=${encodeURIComponent(word)}&limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(res.status).toBe(200);
          seen.push(...res.body.items.map((t) => t.id));
          cursor = res.body.nextCursor;
          if (!cursor) break;
        }
        return seen;
      };
      const [subject, contact, text, both, old, closed] = made;
      expect(await pageAll('sort=recent')).toEqual([contact, both, subject, old, text, closed]);
      expect(await pageAll('sort=recent&status=new')).toEqual([contact, both, subject, old, text]);
      expect(await pageAll('sort=due&status=new')).toEqual([text, subject, both, ...[contact, old].sort()]);
      expect(await pageAll('sort=newest')).toEqual(made.slice().reverse());
    });

    it('keeps text with RTL overrides exactly as given', async () => {
      const detail = await officer.http.get<{ messages: MessageJson[] }>(`/api/v1/tickets/${target.id}`);
      expect(detail.body.messages[0].body).toBe('أرجو مساعدتي في سداد الإيجار للشهر القادم \u202Eمع الشكر\u202C');
    });
  });

  describe('what each role sees', () => {
    it('shows the committee help requests only', async () => {
      const inquiry = (await openCall(officer, { contact: { name: 'x y' } })).body;
      const help = (await openCall(officer, { contact: { name: 'طالب مساعدة' }, type: 'help_request' })).body;
      const list = await committee.http.get<Page<TicketJson>>('/api/v1/tickets?limit=100');
      expect(list.body.items.every((t) => t.type === 'help_request')).toBe(true);
      expect(list.body.items.map((t) => t.id)).toContain(help.id);
      expect((await committee.http.get(`/api/v1/tickets/${inquiry.id}`)).status).toBe(404);
      expect((await committee.http.post(`/api/v1/tickets/${help.id}/messages`, { kind: 'reply', body: 'x' })).status).toBe(403);
    });
  });

  describe('contacts', () => {
    it('shows a contact with identities, masked national ID and ticket history; reveals the ID with an audit entry', async () => {
      const created = await officer.http.post<{ id: string; nationalId: string }>('/api/v1/contacts', {
        name: 'ريم السبيعي',
        kind: 'member',
        membershipNumber: 'GA-1001',
        nationalId: '1012345672',
        identities: [{ kind: 'phone', address: '0533334444' }],
      });
      expect(created.status).toBe(201);
      expect(created.body.nationalId).toBe('1••••••••2');
      await officer.http.post('/api/v1/tickets', { channel: 'visit', contactId: created.body.id, subject: 'زيارة', body: 'حضرت للاستفسار' });
      const detail = await officer.http.get<{ tickets: TicketJson[]; identities: unknown[]; nationalId: string }>(
        `/api/v1/contacts/${created.body.id}`,
      );
      expect(detail.body.tickets).toHaveLength(1);
      expect(detail.body.identities).toEqual([{ kind: 'phone', address: '+966533334444' }]);
      expect(JSON.stringify(detail.body)).not.toContain('1012345672');
      const reveal = await officer.http.get<{ nationalId: string }>(`/api/v1/contacts/${created.body.id}/national-id`);
      expect(reveal.body.nationalId).toBe('1012345672');
      const audit = await admin.http.get<Page<{ action: string; actorId: string }>>(
        `/api/v1/audit?entityId=${created.body.id}&action=contact.national_id_viewed`,
      );
      expect(audit.body.items[0]).toMatchObject({ actorId: officer.id });
      const stored = await queryDatabase<{ national_id_encrypted: string }>(
        env.config.DATABASE_URL,
        'SELECT national_id_encrypted FROM contacts WHERE id = $1',
        [created.body.id],
      );
      expect(stored[0].national_id_encrypted).not.toContain('1012345672');
    });

    it('refuses a bad national ID, a taken identity and a taken national ID', async () => {
      const bad = await officer.http.post('/api/v1/contacts', { name: 'x y', nationalId: '1012345670' });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/nationalId/);
      const taken = await officer.http.post('/api/v1/contacts', { name: 'x y', identities: [{ kind: 'phone', address: '+966533334444' }] });
      expect(taken.status).toBe(409);
      const dupId = await officer.http.post('/api/v1/contacts', { name: 'x y', nationalId: '1012345672' });
      expect(dupId.status).toBe(409);
    });

    it('searches contacts in Arabic and by phone', async () => {
      const byName = await officer.http.get<Page<{ name: string }>>(`/api/v1/contacts?q=${encodeURIComponent('ريم السبيعى')}`);
      expect(byName.body.items.map((c) => c.name)).toEqual(['ريم السبيعي']);
      const byPhone = await officer.http.get<Page<{ name: string }>>('/api/v1/contacts?q=0533334444');
      expect(byPhone.body.items.map((c) => c.name)).toEqual(['ريم السبيعي']);
      expect((await officer.http.get('/api/v1/contacts?limit=0')).status).toBe(400);
    });

    it('merges a duplicate: identities and tickets move, the duplicate points at the survivor', async () => {
      const a = (await openCall(officer, { contact: { name: 'محمد العنزي', phone: '0577770001' } })).body;
      const b = (
        await officer.http.post<TicketJson>('/api/v1/tickets', {
          channel: 'letter',
          subject: 'خطاب',
          body: 'نص',
          contact: { name: 'محمد العنزى', email: 'mohd@example.org' },
        })
      ).body;
      expect(a.contact.id).not.toBe(b.contact.id);
      const merged = await supervisor.http.post<{ identities: { kind: string; address: string }[] }>(`/api/v1/contacts/${a.contact.id}/merge`, {
        sourceContactId: b.contact.id,
      });
      expect(merged.status).toBe(201);
      expect(merged.body.identities).toEqual([
        { kind: 'email', address: 'mohd@example.org' },
        { kind: 'phone', address: '+966577770001' },
      ]);
      const detail = await officer.http.get<{ tickets: TicketJson[] }>(`/api/v1/contacts/${a.contact.id}`);
      expect(detail.body.tickets.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
      const source = await officer.http.get<{ mergedIntoId: string; tickets: unknown[] }>(`/api/v1/contacts/${b.contact.id}`);
      expect(source.body).toMatchObject({ mergedIntoId: a.contact.id, tickets: [] });
      // A letter from the merged e-mail now reaches the survivor.
      const next = await officer.http.post<TicketJson>('/api/v1/tickets', {
        channel: 'letter',
        subject: 'خطاب ثان',
        body: 'y',
        contact: { name: 'محمد', email: 'MOHD@example.org' },
      });
      expect(next.status).toBe(201);
      expect(next.body.contact.id).toBe(a.contact.id);
      const audit = await admin.http.get<Page<{ action: string }>>(`/api/v1/audit?entityId=${a.contact.id}&action=contact.merged`);
      expect(audit.body.items).toHaveLength(1);
      expect((await supervisor.http.post(`/api/v1/contacts/${a.contact.id}/merge`, { sourceContactId: b.contact.id })).status).toBe(409);
      expect((await supervisor.http.post(`/api/v1/contacts/${a.contact.id}/merge`, { sourceContactId: a.contact.id })).status).toBe(400);
    });
  });

  describe('teams and categories', () => {
    it('lets admins manage them and refuses others', async () => {
      const team = await admin.http.post<{ id: string; members: { id: string }[] }>('/api/v1/teams', {
        name: 'شؤون الأعضاء',
        memberIds: [officer.id, supervisor.id],
      });
      expect(team.status).toBe(201);
      expect(team.body.members.map((m) => m.id).sort()).toEqual([officer.id, supervisor.id].sort());
      const category = await admin.http.post<{ id: string; competentOfficerId: string }>('/api/v1/categories', {
        name: 'المساعدات المالية',
        nameEn: 'Financial aid',
        teamId: team.body.id,
        competentOfficerId: supervisor.id,
      });
      expect(category.status).toBe(201);
      expect(category.body.competentOfficerId).toBe(supervisor.id);
      expect((await officer.http.post('/api/v1/categories', { name: 'x y' })).status).toBe(403);
      expect((await officer.http.post('/api/v1/teams', { name: 'x y' })).status).toBe(403);
      expect((await admin.http.post('/api/v1/categories', { name: 'المساعدات المالية' })).status).toBe(409);
      const list = await officer.http.get<{ name: string }[]>('/api/v1/categories');
      expect(list.body.map((c) => c.name)).toContain('المساعدات المالية');
    });
  });

  describe('live updates', () => {
    const connect = (token: string): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = io(env.baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
        socket.once('ready', () => resolve(socket));
        socket.once('connect_error', reject);
        socket.once('disconnect', () => reject(new Error('disconnected')));
      });

    it('pushes ticket.created and message.created to staff, and help requests only to the committee', async () => {
      const officerSocket = await connect(supervisor.token);
      const committeeSocket = await connect(committee.token);
      const seenByCommittee: string[] = [];
      committeeSocket.on('ticket.created', (p: { ticket: TicketJson }) => seenByCommittee.push(p.ticket.type));
      const created = new Promise<{ ticket: TicketJson }>((resolve) => officerSocket.once('ticket.created', resolve));
      const message = new Promise<{ ticketId: string; message: MessageJson }>((resolve) => officerSocket.once('message.created', resolve));
      const t = (await openCall(officer, { contact: { name: 'مباشر' }, subject: 'تحديث مباشر' })).body;
      expect((await created).ticket).toMatchObject({ id: t.id, subject: 'تحديث مباشر' });
      expect((await message).ticketId).toBe(t.id);
      const helpSeen = new Promise((resolve) => committeeSocket.once('ticket.created', resolve));
      await openCall(officer, { contact: { name: 'طلب' }, type: 'help_request' });
      await helpSeen;
      expect(seenByCommittee).toEqual(['help_request']);
      officerSocket.close();
      committeeSocket.close();
    });

    it('refuses a socket without a valid token', async () => {
      await expect(connect('not-a-token')).rejects.toThrow();
    });
  });

  it('keeps anonymous callers out of every ticket route', async () => {
    const anon = new HttpClient(env.baseUrl);
    expect((await anon.get('/api/v1/tickets')).status).toBe(401);
    expect((await anon.post('/api/v1/tickets', {})).status).toBe(401);
    expect((await anon.get('/api/v1/contacts')).status).toBe(401);
  });
});
