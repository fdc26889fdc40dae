import { createHash } from 'node:crypto';
import { createSurveyToken } from '@app/surveys';
import { TicketIntakeService, TicketsService } from '@app/tickets';
import { HttpClient } from './support/http-client.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

interface TicketJson {
  id: string;
  number: string;
  status: string;
  channel: string;
  type: string;
  priority: string;
  subject: string;
  tags: string[];
  contact: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
}
interface MessageJson {
  id: string;
  direction: string;
  channel: string;
  body: string;
  deliveryStatus: string | null;
}
interface TicketDetail extends TicketJson {
  messages: MessageJson[];
}
interface Figures {
  sent: number;
  answered: number;
  responseRate: number | null;
  csat: number | null;
  averageScore: number | null;
}
interface Results {
  totals: Figures;
  groups: (Figures & { key: string | null; label: string | null })[];
}
interface ContactInput {
  name: string;
  phone?: string;
  email?: string;
}

const PUBLIC_BASE_URL = 'https://help.example.org';
const TOKEN_IN_LINK = /https:\/\/help\.example\.org\/s\/([A-Za-z0-9_-]{24})(?![A-Za-z0-9_/-])/;
/** Longer than SURVEY_DELAY_SECONDS plus the worker's pick-up: nothing has come by then, nothing will. */
const QUIET_MS = 2500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('satisfaction surveys', () => {
  const env = new TestEnvironment({ SURVEY_DELAY_SECONDS: '1', PUBLIC_BASE_URL });
  let anonymous: HttpClient;
  let admin: StaffAccount;
  let officer: StaffAccount;
  let officer2: StaffAccount;
  let supervisor: StaffAccount;
  let teamId: string;
  let phoneSeq = 0;

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);
  const nextPhone = () => `05${String(30000000 + ++phoneSeq).padStart(8, '0')}`;
  const person = (name: string): ContactInput => ({ name, phone: nextPhone() });

  async function openTicket(opts: {
    contact?: ContactInput;
    contactId?: string;
    channel?: 'phone' | 'letter' | 'visit';
    team?: string | null;
    assignee?: StaffAccount;
  }): Promise<TicketJson> {
    const res = await officer.http.post<TicketJson>('/api/v1/tickets', {
      channel: opts.channel ?? 'phone',
      subject: 'استفسار عن موعد صرف المساعدة',
      body: 'اتصل يسأل عن موعد صرف المساعدة',
      ...(opts.contactId ? { contactId: opts.contactId } : { contact: opts.contact ?? person('مستفيد') }),
      ...(opts.team === null ? {} : { teamId: opts.team ?? teamId }),
    });
    expect(res.status).toBe(201);
    if (opts.assignee)
      expect((await supervisor.http.post(`/api/v1/tickets/${res.body.id}/assign`, { assigneeId: opts.assignee.id })).status).toBe(201);
    return res.body;
  }

  async function resolve(ticketId: string): Promise<void> {
    const res = await officer.http.post<TicketJson>(`/api/v1/tickets/${ticketId}/resolve`, {});
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('resolved');
  }

  async function resolvedTicket(opts: Parameters<typeof openTicket>[0] = {}): Promise<TicketJson> {
    const ticket = await openTicket(opts);
    await resolve(ticket.id);
    return ticket;
  }

  async function surveyMessages(ticketId: string): Promise<MessageJson[]> {
    const res = await admin.http.get<TicketDetail>(`/api/v1/tickets/${ticketId}`);
    return res.body.messages.filter((m) => m.direction === 'outbound' && TOKEN_IN_LINK.test(m.body));
  }

  /** Waits for the n-th survey message of a ticket to be delivered; returns it with its link's token. */
  async function surveyMessage(ticketId: string, n = 1): Promise<{ message: MessageJson; token: string }> {
    const message = await waitFor(`survey message ${n} of ticket ${ticketId}`, async () => {
      const found = await surveyMessages(ticketId);
      return found.length >= n && found[n - 1]!.deliveryStatus === 'sent' ? found[n - 1] : null;
    });
    return { message, token: TOKEN_IN_LINK.exec(message.body)![1]! };
  }

  async function expectNoSurvey(...ticketIds: string[]): Promise<void> {
    await sleep(QUIET_MS);
    for (const id of ticketIds) {
      expect({ id, messages: await surveyMessages(id) }).toEqual({ id, messages: [] });
      expect(await db('SELECT id FROM survey_invitations WHERE ticket_id = $1 AND sent_at IS NOT NULL', [id])).toEqual([]);
    }
  }

  const answer = (token: string, body: unknown) => anonymous.post<Record<string, unknown>>(`/api/v1/surveys/${token}`, body);
  const auditActions = async (entityId: string) =>
    (await db<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'survey' AND entity_id = $1 ORDER BY seq", [entityId])).map(
      (r) => r.action,
    );

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    anonymous = new HttpClient(env.baseUrl);
    admin = await createStaff(env, 'admin', 'مدير النظام');
    teamId = (await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'علاقات المستفيدين' })).body.id;
    officer = await createStaff(env, 'officer', 'سارة القحطاني', [teamId]);
    officer2 = await createStaff(env, 'officer', 'خالد الشمري', [teamId]);
    supervisor = await createStaff(env, 'supervisor', 'منى الدوسري', [teamId]);
  });
  afterAll(() => env.teardown());

  describe('the invitation and the public survey', () => {
    let ticket: TicketJson;
    let token: string;

    it('sends the invitation on the ticket’s channel after the delay, with a one-time link stored only as a hash', async () => {
      ticket = await openTicket({ contact: person('منيرة العتيبي'), assignee: officer });
      await resolve(ticket.id);
      // Nothing before the delay.
      expect(await surveyMessages(ticket.id)).toEqual([]);
      expect(await db('SELECT id FROM survey_invitations WHERE ticket_id = $1', [ticket.id])).toEqual([]);

      const sent = await surveyMessage(ticket.id);
      token = sent.token;
      // A phone call is answered by SMS; with no Twilio credentials it is recorded as sent (sandbox).
      expect(sent.message).toMatchObject({ channel: 'sms', deliveryStatus: 'sent' });
      expect(sent.message.body).toContain(`${PUBLIC_BASE_URL}/s/${token}`);
      expect(sent.message.body).toContain(`${PUBLIC_BASE_URL}/s/${token}/opt-out`);
      expect(sent.message.body).toContain(ticket.number);
      expect(sent.message.body).toContain('يهمنا رأيك');
      const [meta] = await db<{ meta: Record<string, unknown> }>('SELECT meta FROM messages WHERE id = $1', [sent.message.id]);
      expect(meta!.meta).toMatchObject({ survey: 'invitation', sandbox: true, via: 'sms' });

      const rows = await db<{
        token_hash: string;
        via: string;
        assignee_id: string;
        team_id: string;
        channel: string;
        expires_at: Date;
        sent_at: Date;
        row: string;
      }>(
        'SELECT token_hash, via, assignee_id, team_id, channel, expires_at, sent_at, row_to_json(i)::text AS row FROM survey_invitations i WHERE ticket_id = $1',
        [ticket.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ token_hash: sha256(token), via: 'sms', assignee_id: officer.id, team_id: teamId, channel: 'phone' });
      expect(rows[0]!.row).not.toContain(token);
      const days = (new Date(rows[0]!.expires_at).getTime() - new Date(rows[0]!.sent_at).getTime()) / 86_400_000;
      expect(Math.round(days)).toBe(14);
      expect(await auditActions(ticket.id)).toEqual(['survey.sent']);
    });

    it('shows the survey when the link is opened, without sign-in, and records nothing', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await anonymous.get<{
          ticketNumber: string;
          language: string;
          questions: { key: string; kind: string; label: { ar: string; en: string } }[];
          maxCommentLength: number;
        }>(`/api/v1/surveys/${token}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ ticketNumber: ticket.number, language: 'ar', maxCommentLength: 2000 });
        expect(res.body.questions.map((q) => [q.key, q.kind])).toEqual([
          ['speed', 'scale'],
          ['courtesy', 'scale'],
          ['resolved', 'yes_no'],
        ]);
        expect(res.body.questions[0]!.label.ar).toBeTruthy();
      }
      expect(await db('SELECT id FROM survey_responses WHERE ticket_id = $1', [ticket.id])).toEqual([]);
      expect(await db('SELECT id FROM survey_invitations WHERE ticket_id = $1 AND answered_at IS NOT NULL', [ticket.id])).toEqual([]);
      expect(await auditActions(ticket.id)).toEqual(['survey.sent']);
    });

    it('refuses a bad answer with a 400 naming the field, and records nothing', async () => {
      const cases: [unknown, string][] = [
        [{}, 'score'],
        [{ score: 0 }, 'score'],
        [{ score: 6 }, 'score'],
        [{ score: '5' }, 'score'],
        [{ score: 3.5 }, 'score'],
        [{ score: 5, comment: 'ا'.repeat(2001) }, 'comment'],
        [{ score: 5, answers: { mood: 3 } }, 'answers.mood'],
        [{ score: 5, answers: { speed: 9 } }, 'answers.speed'],
        [{ score: 5, answers: { resolved: 'yes' } }, 'answers.resolved'],
        [{ score: 5, extra: 1 }, 'extra'],
      ];
      for (const [body, field] of cases) {
        const res = await answer(token, body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(String(res.body.message)).toContain(field);
      }
      expect(await db('SELECT id FROM survey_responses WHERE ticket_id = $1', [ticket.id])).toEqual([]);
    });

    it('records the one answer; a second answer, and opening the link again, answer 409', async () => {
      const res = await answer(token, { score: 5, answers: { speed: 5, courtesy: 4, resolved: true }, comment: '  شكراً على سرعة الرد  ' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ ticketNumber: ticket.number, score: 5 });
      const stored = await db<{ score: number; answers: unknown; comment: string; recovery_ticket_id: string | null }>(
        'SELECT score, answers, comment, recovery_ticket_id FROM survey_responses WHERE ticket_id = $1',
        [ticket.id],
      );
      expect(stored).toEqual([
        { score: 5, answers: { speed: 5, courtesy: 4, resolved: true }, comment: 'شكراً على سرعة الرد', recovery_ticket_id: null },
      ]);

      const again = await answer(token, { score: 1 });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, reason: 'answered' });
      expect((await anonymous.get(`/api/v1/surveys/${token}`)).status).toBe(409);
      expect((await db('SELECT id FROM survey_responses WHERE ticket_id = $1', [ticket.id])).length).toBe(1);
      expect(await auditActions(ticket.id)).toEqual(['survey.sent', 'survey.answered']);
    });

    it('answers 410 for an expired link and 404 for an unknown one', async () => {
      const other = await resolvedTicket({ contact: person('فهد') });
      const { token: expiring } = await surveyMessage(other.id);
      expect((await anonymous.get(`/api/v1/surveys/${expiring}`)).status).toBe(200);
      await db("UPDATE survey_invitations SET expires_at = now() - interval '1 minute' WHERE ticket_id = $1", [other.id]);
      const read = await anonymous.get(`/api/v1/surveys/${expiring}`);
      expect(read.status).toBe(410);
      expect(read.body).toMatchObject({ statusCode: 410, error: 'Gone', reason: 'expired' });
      expect((await answer(expiring, { score: 4 })).status).toBe(410);
      expect(await db('SELECT id FROM survey_responses WHERE ticket_id = $1', [other.id])).toEqual([]);

      for (const unknown of [createSurveyToken().token, 'not-a-token', sha256(token)]) {
        const res = await anonymous.get(`/api/v1/surveys/${unknown}`);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
        expect((await answer(unknown, { score: 4 })).status).toBe(404);
        expect((await anonymous.post(`/api/v1/surveys/${unknown}/opt-out`)).status).toBe(404);
      }
    });
  });

  describe('when no survey goes out', () => {
    it('a ticket re-opened before the delay is not surveyed; resolved again, it is — once', async () => {
      const ticket = await resolvedTicket({ contact: person('نورة') });
      const reopened = await officer.http.post<TicketJson>(`/api/v1/tickets/${ticket.id}/status`, { status: 'open' });
      expect(reopened.body.status).toBe('open');
      await expectNoSurvey(ticket.id);

      await resolve(ticket.id);
      await surveyMessage(ticket.id);
      // Re-opened and resolved once more: never a second survey for the same ticket.
      await officer.http.post(`/api/v1/tickets/${ticket.id}/status`, { status: 'open' });
      await resolve(ticket.id);
      await sleep(QUIET_MS);
      expect(await surveyMessages(ticket.id)).toHaveLength(1);
      expect(await db('SELECT id FROM survey_invitations WHERE ticket_id = $1', [ticket.id])).toHaveLength(1);
    });

    it('a contact who opted out gets no survey for later tickets (the survey in hand may still be answered)', async () => {
      const contact = person('عبدالله الحربي');
      const first = await resolvedTicket({ contact });
      const { token } = await surveyMessage(first.id);
      const res = await anonymous.post<{ optedOut: boolean }>(`/api/v1/surveys/${token}/opt-out`);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ optedOut: true });
      expect((await anonymous.post(`/api/v1/surveys/${token}/opt-out`)).status).toBe(201);
      const view = await admin.http.get<{ surveyOptOut: boolean }>(`/api/v1/contacts/${first.contact.id}`);
      expect(view.body.surveyOptOut).toBe(true);
      const audit = await db<{ action: string; ip: string | null }>(
        "SELECT action, ip FROM audit_log WHERE entity_type = 'contact' AND entity_id = $1 AND action LIKE 'contact.survey%'",
        [first.contact.id],
      );
      expect(audit.map((a) => a.action)).toEqual(['contact.survey_opted_out']);
      expect((await anonymous.get(`/api/v1/surveys/${token}`)).status).toBe(200);

      const later = await resolvedTicket({ contactId: first.contact.id });
      await expectNoSurvey(later.id);
    });

    it('letters go by SMS to the contact’s mobile; a visitor with neither phone nor e-mail is not surveyed', async () => {
      const letter = await resolvedTicket({ channel: 'letter', contact: person('صاحب الخطاب') });
      const visit = await resolvedTicket({ channel: 'visit', contact: { name: 'زائر بلا هاتف' } });
      const { message } = await surveyMessage(letter.id);
      expect(message.channel).toBe('sms');
      expect(await db('SELECT via, channel FROM survey_invitations WHERE ticket_id = $1', [letter.id])).toEqual([{ via: 'sms', channel: 'letter' }]);
      await expectNoSurvey(visit.id);
    });

    it('uses e-mail when the caller left only an e-mail address', async () => {
      const ticket = await resolvedTicket({ contact: { name: 'متصل ببريد', email: 'caller@example.org' } });
      const { message } = await surveyMessage(ticket.id);
      expect(message.channel).toBe('email');
      const [row] = await db<{ meta: Record<string, unknown> }>('SELECT meta FROM messages WHERE id = $1', [message.id]);
      expect(row!.meta).toMatchObject({ replyVia: 'email', subject: `كيف كانت خدمتنا؟ [#${ticket.number}]` });
    });
  });

  describe('WhatsApp and its 24-hour window', () => {
    const CONTENT_SID = 'HX0123456789abcdef0123456789abcdef';

    async function whatsappTicket(name: string, lastInboundAgo: string): Promise<TicketJson> {
      const contact = await env.api!.get(TicketIntakeService).resolveContact({ name, phone: nextPhone() }, { id: null });
      const ticket = await env.api!.get(TicketsService).open(
        {
          contactId: contact.id,
          channel: 'whatsapp',
          subject: 'واتساب',
          type: 'inquiry',
          teamId,
          firstMessage: { direction: 'inbound', body: 'السلام عليكم' },
        },
        { id: null },
      );
      await db(`UPDATE messages SET created_at = now() - interval '${lastInboundAgo}' WHERE ticket_id = $1`, [ticket.id]);
      return (await admin.http.get<TicketJson>(`/api/v1/tickets/${ticket.id}`)).body;
    }

    it('inside the window sends free text; outside it, the approved template; without one, SMS', async () => {
      const inside = await whatsappTicket('داخل النافذة', '1 hour');
      const noTemplate = await whatsappTicket('بلا قالب', '2 days');
      await Promise.all([resolve(inside.id), resolve(noTemplate.id)]);
      const free = await surveyMessage(inside.id);
      expect(free.message.channel).toBe('whatsapp');
      const bySms = await surveyMessage(noTemplate.id);
      expect(bySms.message.channel).toBe('sms');

      await db("UPDATE message_templates SET whatsapp_content_sid = $1 WHERE key = 'survey_invitation'", [CONTENT_SID]);
      const outside = await whatsappTicket('خارج النافذة', '2 days');
      await resolve(outside.id);
      const templated = await surveyMessage(outside.id);
      expect(templated.message.channel).toBe('whatsapp');
      const rows = await db<{ id: string; meta: Record<string, unknown> }>('SELECT id, meta FROM messages WHERE id = ANY($1::uuid[])', [
        [free.message.id, templated.message.id],
      ]);
      const meta = Object.fromEntries(rows.map((r) => [r.id, r.meta]));
      expect(meta[free.message.id]).not.toHaveProperty('whatsappTemplate');
      expect(meta[templated.message.id]).toMatchObject({
        whatsappTemplate: { contentSid: CONTENT_SID, variables: { '1': outside.number, '2': templated.token } },
      });
      const via = await db<{ ticket_id: string; via: string }>('SELECT ticket_id, via FROM survey_invitations WHERE ticket_id = ANY($1::uuid[])', [
        [inside.id, noTemplate.id, outside.id],
      ]);
      expect(Object.fromEntries(via.map((v) => [v.ticket_id, v.via]))).toEqual({
        [inside.id]: 'whatsapp',
        [noTemplate.id]: 'sms',
        [outside.id]: 'whatsapp_template',
      });
    });
  });

  describe('service recovery', () => {
    it('a low score opens a follow-up ticket for the team’s supervisor, with the rating and comment in a note', async () => {
      const ticket = await resolvedTicket({ contact: person('سلمان'), assignee: officer });
      const { token } = await surveyMessage(ticket.id);
      expect((await answer(token, { score: 2, answers: { speed: 1, resolved: false }, comment: 'لم يتواصل معي أحد بعد الاتصال' })).status).toBe(201);
      const [row] = await waitFor('the recovery ticket', async () => {
        const rows = await db<{ recovery_ticket_id: string | null }>('SELECT recovery_ticket_id FROM survey_responses WHERE ticket_id = $1', [
          ticket.id,
        ]);
        return rows[0]?.recovery_ticket_id ? rows : null;
      });
      const recovery = await waitFor('the supervisor to be assigned', async () => {
        const res = await supervisor.http.get<TicketDetail>(`/api/v1/tickets/${row!.recovery_ticket_id}`);
        return res.body.assignee ? res.body : null;
      });
      expect(recovery).toMatchObject({
        type: 'complaint',
        channel: 'phone',
        priority: 'high',
        subject: `متابعة تقييم منخفض — ${ticket.number}`,
        contact: { id: ticket.contact.id },
        team: { id: teamId },
        assignee: { id: supervisor.id },
        tags: ['survey-recovery'],
      });
      const note = recovery.messages.find((m) => m.direction === 'note');
      expect(note?.body).toContain(`تقييم المستفيد للطلب ${ticket.number}: 2 من 5.`);
      expect(note?.body).toContain('«لم يتواصل معي أحد بعد الاتصال»');
      expect(note?.body).toContain('هل حُلّت المسألة التي تواصلت بشأنها؟: لا');
      // Internal: nothing was sent to the contact.
      expect(recovery.messages.filter((m) => m.direction === 'outbound')).toEqual([]);
      expect(await auditActions(ticket.id)).toEqual(['survey.sent', 'survey.answered', 'survey.recovery_opened']);

      // The follow-up itself is never surveyed.
      await supervisor.http.post(`/api/v1/tickets/${recovery.id}/resolve`, {});
      await expectNoSurvey(recovery.id);
    });

    it('a keyword in the comment opens one whatever the score, matched Arabic-normalised', async () => {
      const ticket = await resolvedTicket({ contact: person('ريم') });
      const { token } = await surveyMessage(ticket.id);
      expect((await answer(token, { score: 4, comment: 'الخدمة جيدة لكن فيه اهمال في الرد' })).status).toBe(201);
      const [row] = await waitFor('the recovery ticket', async () => {
        const rows = await db<{ recovery_ticket_id: string | null }>('SELECT recovery_ticket_id FROM survey_responses WHERE ticket_id = $1', [
          ticket.id,
        ]);
        return rows[0]?.recovery_ticket_id ? rows : null;
      });
      const recovery = (await supervisor.http.get<TicketDetail>(`/api/v1/tickets/${row!.recovery_ticket_id}`)).body;
      expect(recovery.messages.find((m) => m.direction === 'note')?.body).toContain('كلمات في التعليق: إهمال');
    });

    it('a good score without keywords opens none', async () => {
      const ticket = await resolvedTicket({ contact: person('هند') });
      const { token } = await surveyMessage(ticket.id);
      expect((await answer(token, { score: 3, comment: 'مقبول' })).status).toBe(201);
      await sleep(1000);
      expect(await db('SELECT recovery_ticket_id FROM survey_responses WHERE ticket_id = $1', [ticket.id])).toEqual([{ recovery_ticket_id: null }]);
    });
  });

  describe('results', () => {
    let resultsTeamId: string;

    beforeAll(async () => {
      resultsTeamId = (
        await admin.http.post<{ id: string }>('/api/v1/teams', { name: 'فريق النتائج', memberIds: [officer.id, officer2.id, supervisor.id] })
      ).body.id;
      const t1 = await resolvedTicket({ team: resultsTeamId, assignee: officer, contact: person('أمل') });
      const t2 = await resolvedTicket({ team: resultsTeamId, assignee: officer, contact: person('بدر') });
      const t3 = await resolvedTicket({ team: resultsTeamId, assignee: officer2, channel: 'letter', contact: person('جود') });
      const t4 = await resolvedTicket({ team: resultsTeamId, assignee: officer2, contact: person('دانة') });
      const [s1, s2, s3] = await Promise.all([surveyMessage(t1.id), surveyMessage(t2.id), surveyMessage(t3.id), surveyMessage(t4.id)]);
      expect((await answer(s1!.token, { score: 5, comment: 'ممتاز' })).status).toBe(201);
      expect((await answer(s2!.token, { score: 3 })).status).toBe(201);
      expect((await answer(s3!.token, { score: 4, comment: 'جيد جدًا' })).status).toBe(201);
    });

    const results = (who: StaffAccount | HttpClient, query: string) =>
      ('http' in who ? who.http : who).get<Results & { statusCode?: number; message?: string }>(
        `/api/v1/surveys/results?teamId=${resultsTeamId}${query}`,
      );

    it('counts sent and answered surveys, the response rate, CSAT (share of 4–5) and the average', async () => {
      const res = await results(supervisor, '');
      expect(res.status).toBe(200);
      // 4 sent; answers 5, 3 and 4.
      expect(res.body.totals).toEqual({ sent: 4, answered: 3, responseRate: 75, csat: 66.7, averageScore: 4 });
      expect(res.body.groups).toEqual([]);
    });

    it('groups by channel, team and period', async () => {
      const byChannel = await results(supervisor, '&groupBy=channel');
      expect(byChannel.body.groups).toEqual([
        { key: 'letter', label: 'letter', sent: 1, answered: 1, responseRate: 100, csat: 100, averageScore: 4 },
        { key: 'phone', label: 'phone', sent: 3, answered: 2, responseRate: 66.7, csat: 50, averageScore: 4 },
      ]);
      const byTeam = await admin.http.get<Results>('/api/v1/surveys/results?groupBy=team');
      expect(byTeam.body.groups.find((g) => g.key === resultsTeamId)).toEqual({
        key: resultsTeamId,
        label: 'فريق النتائج',
        sent: 4,
        answered: 3,
        responseRate: 75,
        csat: 66.7,
        averageScore: 4,
      });
      const byMonth = await results(supervisor, '&groupBy=period&interval=month');
      expect(byMonth.body.groups).toHaveLength(1);
      expect(byMonth.body.groups[0]).toMatchObject({ sent: 4, answered: 3 });
      expect(byMonth.body.groups[0]!.key).toMatch(/^\d{4}-\d{2}$/);
      const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      const none = await results(supervisor, `&to=${yesterday}`);
      expect(none.body.totals).toEqual({ sent: 0, answered: 0, responseRate: null, csat: null, averageScore: null });
      const byType = await results(supervisor, '&channel=letter&groupBy=type');
      expect(byType.body.groups).toEqual([{ key: 'inquiry', label: 'inquiry', sent: 1, answered: 1, responseRate: 100, csat: 100, averageScore: 4 }]);
    });

    it('shows results per officer to supervisors and admins only; officers get 403', async () => {
      const res = await results(supervisor, '&groupBy=officer');
      expect(res.status).toBe(200);
      expect(res.body.groups).toEqual([
        { key: officer2.id, label: 'خالد الشمري', sent: 2, answered: 1, responseRate: 50, csat: 100, averageScore: 4 },
        { key: officer.id, label: 'سارة القحطاني', sent: 2, answered: 2, responseRate: 100, csat: 50, averageScore: 4 },
      ]);
      expect((await results(admin, '&groupBy=officer')).status).toBe(200);
      const forbidden = await results(officer, '&groupBy=officer');
      expect(forbidden.status).toBe(403);
      expect((await results(officer, '')).status).toBe(403);
      expect((await officer.http.get('/api/v1/surveys/comments')).status).toBe(403);
      expect((await results(anonymous, '')).status).toBe(401);
    });

    it('refuses bad filters with a 400 naming the field', async () => {
      for (const [query, field] of [
        ['&groupBy=mood', 'groupBy'],
        ['&from=yesterday', 'from'],
        ['&channel=pigeon', 'channel'],
        ['&interval=hour', 'interval'],
      ]) {
        const res = await results(supervisor, query!);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(String(res.body.message)).toContain(field!);
      }
    });

    it('lists the comments, newest first, page by page', async () => {
      type Comments = { items: { ticketNumber: string; score: number; comment: string; team: string }[]; nextCursor: string | null };
      const first = await supervisor.http.get<Comments>(`/api/v1/surveys/comments?teamId=${resultsTeamId}&limit=1`);
      expect(first.status).toBe(200);
      expect(first.body.items).toEqual([expect.objectContaining({ score: 4, comment: 'جيد جدًا', team: 'فريق النتائج' })]);
      expect(first.body.nextCursor).toBeTruthy();
      const second = await supervisor.http.get<Comments>(`/api/v1/surveys/comments?teamId=${resultsTeamId}&limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.items).toEqual([expect.objectContaining({ score: 5, comment: 'ممتاز' })]);
      expect(second.body.nextCursor).toBeNull();
    });
  });

  describe('settings', () => {
    const ALL_CHANNELS = ['sms', 'whatsapp', 'email', 'phone', 'letter', 'visit', 'social', 'web', 'help_request'];

    it('are read by supervisors and changed by admins only, with an audit entry', async () => {
      expect((await officer.http.get('/api/v1/surveys/settings')).status).toBe(403);
      const current = await supervisor.http.get<{
        enabled: boolean;
        expiryDays: number;
        reminderAfterHours: number;
        recoveryMaxScore: number;
        updatedAt: string | null;
      }>('/api/v1/surveys/settings');
      expect(current.status).toBe(200);
      expect(current.body).toMatchObject({ enabled: true, expiryDays: 14, reminderAfterHours: 72, recoveryMaxScore: 2 });
      expect((await supervisor.http.request('PUT', '/api/v1/surveys/settings', { enabled: false })).status).toBe(403);

      const bad: [unknown, string][] = [
        [{ channels: ['pigeon'] }, 'channels'],
        [{ expiryDays: 0 }, 'expiryDays'],
        [{ reminderAfterHours: 400 }, 'reminderAfterHours'],
        [
          {
            questions: [
              { key: 'a', kind: 'scale', label: { ar: 'أ', en: 'a' } },
              { key: 'a', kind: 'yes_no', label: { ar: 'ب', en: 'b' } },
            ],
          },
          'questions.1.key',
        ],
        [{ questions: [{ key: 'a', kind: 'stars', label: { ar: 'أ', en: 'a' } }] }, 'kind'],
      ];
      for (const [body, field] of bad) {
        const res = await admin.http.request<{ message: string }>('PUT', '/api/v1/surveys/settings', body);
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.body.message).toContain(field);
      }
    });

    it('a channel switched off gets no surveys', async () => {
      const off = await admin.http.request<{ channels: string[]; updatedAt: string | null }>('PUT', '/api/v1/surveys/settings', {
        channels: ALL_CHANNELS.filter((c) => c !== 'letter'),
      });
      expect(off.status).toBe(200);
      expect(off.body.channels).not.toContain('letter');
      expect(off.body.updatedAt).not.toBeNull();
      const letter = await resolvedTicket({ channel: 'letter', contact: person('خطاب بلا تقييم') });
      await expectNoSurvey(letter.id);
      expect((await admin.http.request('PUT', '/api/v1/surveys/settings', { channels: ALL_CHANNELS })).status).toBe(200);
      expect((await db<{ action: string }>("SELECT action FROM audit_log WHERE action = 'survey.settings_updated'")).length).toBe(2);
    });
  });

  describe('the one reminder', () => {
    beforeAll(async () => {
      // One second, for the test.
      expect((await admin.http.request('PUT', '/api/v1/surveys/settings', { reminderAfterHours: 1 / 3600 })).status).toBe(200);
    });
    afterAll(async () => {
      await admin.http.request('PUT', '/api/v1/surveys/settings', { reminderAfterHours: 72 });
    });

    it('reminds an unanswered survey once, with a new link that works alongside the first', async () => {
      const ticket = await resolvedTicket({ contact: person('تذكير') });
      const first = await surveyMessage(ticket.id);
      const second = await surveyMessage(ticket.id, 2);
      expect(second.token).not.toBe(first.token);
      expect(second.message.body).toContain('تذكير');
      expect((await anonymous.get(`/api/v1/surveys/${first.token}`)).status).toBe(200);
      expect((await anonymous.get(`/api/v1/surveys/${second.token}`)).status).toBe(200);
      const [row] = await db<{ reminder_token_hash: string; reminded_at: Date | null }>(
        'SELECT reminder_token_hash, reminded_at FROM survey_invitations WHERE ticket_id = $1',
        [ticket.id],
      );
      expect(row!.reminder_token_hash).toBe(sha256(second.token));
      expect(row!.reminded_at).not.toBeNull();
      await sleep(QUIET_MS);
      expect(await surveyMessages(ticket.id)).toHaveLength(2);
      // Either link answers the one survey.
      expect((await answer(second.token, { score: 4 })).status).toBe(201);
      expect((await answer(first.token, { score: 4 })).status).toBe(409);
      expect(await auditActions(ticket.id)).toEqual(['survey.sent', 'survey.reminded', 'survey.answered']);
    });

    it('never reminds after an answer or an opt-out', async () => {
      const answered = await resolvedTicket({ contact: person('أجاب') });
      const optedOut = await resolvedTicket({ contact: person('انسحب') });
      const [a, o] = await Promise.all([surveyMessage(answered.id), surveyMessage(optedOut.id)]);
      await Promise.all([answer(a.token, { score: 5 }), anonymous.post(`/api/v1/surveys/${o.token}/opt-out`)]);
      await sleep(QUIET_MS);
      expect(await surveyMessages(answered.id)).toHaveLength(1);
      expect(await surveyMessages(optedOut.id)).toHaveLength(1);
    });
  });
});
