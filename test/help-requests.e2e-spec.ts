import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { formatDualDate } from '@app/common';
import { DeclarationCodeOutbox, overdueJobId } from '@app/help-requests';
import { QueueName } from '@app/queue';
import { HttpClient } from './support/http-client.js';
import { createStaff, type StaffAccount } from './support/staff.js';
import { queryDatabase } from './support/test-database.js';
import { TestEnvironment } from './support/test-environment.js';

interface ChecklistItem {
  code: string;
  message: string;
  field?: string;
  documentType?: string;
  documentId?: string;
}
interface HelpRequestJson {
  id: string;
  ticketId: string;
  ticketNumber: string;
  ticketStatus: string;
  status: string;
  dataVersion: number;
  applicant: { contactId: string; name: string; kind: string; nationalId: string | null; beneficiaryFileNumber: string | null };
  documents: {
    id: string;
    documentType: string;
    expiresOn: string | null;
    expiresOnHijri: string | null;
    verification: { result: string; current: boolean; verifiedById: string } | null;
  }[];
  checklist: { asOf: string; complete: boolean; missing: ChecklistItem[]; invalid: ChecklistItem[] };
  declaration: { signed: boolean; outdated: boolean; method: string | null; channel: string | null; dataHash: string | null; ip: string | null };
  readyForHandoff: boolean;
  blockers: ChecklistItem[];
  committee: {
    round: number;
    dueAt: string | null;
    clockPaused: boolean;
    stage: string | null;
    research: { kind: string }[];
    decisions: {
      id: string;
      outcome: string;
      amountSar: number | null;
      reason: string | null;
      correctsDecisionId: string | null;
      correctedById: string | null;
    }[];
  };
}
interface MessageJson {
  id: string;
  direction: string;
  channel: string;
  body: string;
  deliveryStatus: string | null;
}
interface TicketJson {
  id: string;
  number: string;
  status: string;
  type: string;
  channel: string;
  contact: { id: string; name: string };
  messages: MessageJson[];
}
interface BoardJson {
  items: {
    helpRequestId: string;
    ticketNumber: string;
    stage: string;
    round: number;
    overdue: boolean;
    awaitingInfo: boolean;
    dueAt: string | null;
    overdueRemindedAt: string | null;
  }[];
  stages: Record<string, number>;
}

const DAY = 86_400_000;
const FUTURE = '2031-06-30';

async function eventually<T>(fn: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await fn();
  while (!check(last)) {
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}

describe('help requests and the research committee', () => {
  const env = new TestEnvironment({ HELP_REQUEST_FORM_LIMIT_PER_HOUR: '3' });
  let pub: HttpClient;
  let admin: StaffAccount;
  let officer: StaffAccount;
  let supervisor: StaffAccount;
  let committee: StaffAccount;
  let ipCounter = 0;
  const freshIp = () => `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

  const form = (over: Record<string, unknown> = {}) => ({
    name: 'فاطمة الزهراني',
    nationalId: '1012345672',
    phone: '0501234567',
    serviceType: 'food_basket',
    description: 'أسرة من خمسة أفراد، الدخل لا يكفي للاحتياجات الغذائية',
    fields: { monthlyIncome: 2500, incomeSource: 'social_security', district: 'النسيم' },
    household: [
      { name: 'سارة', relation: 'daughter', birthDate: '2015-03-01', nationalId: '1100000007' },
      { name: 'محمد', relation: 'son', birthDate: '2018-07-12' },
    ],
    ...over,
  });
  const submit = (body: Record<string, unknown>, ip = freshIp(), headers: Record<string, string> = {}) =>
    pub.post<{ ticketNumber: string }>('/api/v1/public/help-requests', body, { 'x-forwarded-for': ip, ...headers });

  const ticketByNumber = async (number: string): Promise<TicketJson> => {
    const list = await officer.http.get<{ items: { id: string }[] }>(`/api/v1/tickets?q=${number}`);
    expect(list.body.items).toHaveLength(1);
    return (await officer.http.get<TicketJson>(`/api/v1/tickets/${list.body.items[0].id}`)).body;
  };
  const helpRequestOf = async (ticketId: string, who: StaffAccount = officer) =>
    (await who.http.get<HelpRequestJson>(`/api/v1/tickets/${ticketId}/help-request`)).body;
  const messages = async (ticketId: string) => (await officer.http.get<TicketJson>(`/api/v1/tickets/${ticketId}`)).body.messages;

  const uploadDocument = async (helpRequestId: string, documentType: string, fields: Record<string, string> = {}) => {
    const body = new FormData();
    body.append('file', new Blob([Buffer.from(`%PDF-1.4 ${documentType} ${Math.random()}`)], { type: 'application/pdf' }), `${documentType}.pdf`);
    body.append('documentType', documentType);
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    const res = await fetch(`${env.baseUrl}/api/v1/help-requests/${helpRequestId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}` },
      body,
    });
    return { status: res.status, body: (await res.json()) as HelpRequestJson & { message?: string } };
  };
  const addFoodBasketDocuments = async (helpRequestId: string) => {
    await uploadDocument(helpRequestId, 'national_id_copy', { expiresOn: FUTURE });
    await uploadDocument(helpRequestId, 'family_record');
    return uploadDocument(helpRequestId, 'income_proof');
  };
  const verifyAll = async (hr: HelpRequestJson) => {
    let last = hr;
    for (const d of hr.documents) {
      const res = await officer.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/documents/${d.id}/verification`, {
        result: 'matches',
        notes: 'طابقت الأصل',
      });
      expect(res.status).toBe(201);
      last = res.body;
    }
    return last;
  };
  const signOnPaper = async (helpRequestId: string) => {
    const body = new FormData();
    body.append('file', new Blob([Buffer.from('%PDF-1.4 signed declaration')], { type: 'application/pdf' }), 'إقرار.pdf');
    body.append('notes', 'وقّع المتقدم الإقرار في مقر الجمعية');
    const res = await fetch(`${env.baseUrl}/api/v1/help-requests/${helpRequestId}/declaration/paper`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}` },
      body,
    });
    return { status: res.status, body: (await res.json()) as HelpRequestJson };
  };
  /** A submitted food-basket request made ready for the committee: documents, verification, paper declaration. */
  const readyRequest = async (over: Record<string, unknown>): Promise<{ ticket: TicketJson; hr: HelpRequestJson }> => {
    const res = await submit(form(over));
    expect(res.status).toBe(201);
    const ticket = await ticketByNumber(res.body.ticketNumber);
    const hr = await helpRequestOf(ticket.id);
    await addFoodBasketDocuments(hr.id);
    await verifyAll(await helpRequestOf(ticket.id));
    const signed = await signOnPaper(hr.id);
    expect(signed.status).toBe(201);
    expect(signed.body.readyForHandoff).toBe(true);
    return { ticket, hr: signed.body };
  };

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    pub = new HttpClient(env.baseUrl);
    admin = await createStaff(env, 'admin', 'المدير');
    officer = await createStaff(env, 'officer', 'سارة القحطاني');
    supervisor = await createStaff(env, 'supervisor', 'منى الدوسري');
    committee = await createStaff(env, 'committee', 'عبدالله الحربي');
  });
  afterAll(() => env.teardown());

  describe('the service catalogue', () => {
    it('is seeded with the services of the member support policy, each with fields, documents and at least 14 days', async () => {
      const res = await pub.get<{
        items: {
          code: string;
          committeeDays: number;
          fields: { name: string; required: boolean }[];
          documents: { type: string; hasExpiry: boolean }[];
        }[];
      }>('/api/v1/public/help-requests/service-types');
      expect(res.status).toBe(200);
      expect(res.body.items.map((t) => t.code)).toEqual(['financial_aid', 'rent', 'food_basket', 'medical', 'education', 'seasonal_support']);
      for (const t of res.body.items) {
        expect(t.committeeDays).toBeGreaterThanOrEqual(14);
        expect(t.fields.some((f) => f.name === 'monthlyIncome' && f.required)).toBe(true);
        expect(t.documents.find((d) => d.type === 'national_id_copy')).toMatchObject({ hasExpiry: true });
      }
      expect(res.body.items.find((t) => t.code === 'rent')?.documents.find((d) => d.type === 'lease_contract')).toMatchObject({ hasExpiry: true });
    });

    it('lets admins add and change services, never under 14 days, and nobody else', async () => {
      const def = {
        code: 'winter_support',
        nameAr: 'الحقيبة الشتوية',
        nameEn: 'Winter support',
        fields: [{ name: 'monthlyIncome', type: 'money', required: true, labelAr: 'الدخل', labelEn: 'Income' }],
        documents: [{ type: 'national_id_copy', labelAr: 'الهوية', labelEn: 'ID', required: true, hasExpiry: true }],
        committeeTargetDays: 10,
      };
      const short = await admin.http.post('/api/v1/help-requests/service-types', def);
      expect(short.status).toBe(400);
      expect(short.body.message).toMatch(/committeeTargetDays must be at least 14/);
      expect((await officer.http.post('/api/v1/help-requests/service-types', { ...def, committeeTargetDays: 14 })).status).toBe(403);
      const created = await admin.http.post<{ id: string; committeeDays: number }>('/api/v1/help-requests/service-types', {
        ...def,
        committeeTargetDays: 14,
      });
      expect(created.status).toBe(201);
      const off = await admin.http.patch<{ active: boolean }>(`/api/v1/help-requests/service-types/${created.body.id}`, { active: false });
      expect(off.body.active).toBe(false);
      const listed = await pub.get<{ items: { code: string }[] }>('/api/v1/public/help-requests/service-types');
      expect(listed.body.items.map((t) => t.code)).not.toContain('winter_support');
    });
  });

  describe('the public form', () => {
    it('opens a help request and acknowledges it on the applicant’s channel with the committee notice and the expected date', async () => {
      const res = await submit(form());
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ ticketNumber: expect.stringMatching(/^14\d\d-\d{6}$/) });
      const expected = new Date(Date.now() + 14 * DAY);

      const ticket = await ticketByNumber(res.body.ticketNumber);
      expect(ticket).toMatchObject({ type: 'help_request', channel: 'help_request', contact: { name: 'فاطمة الزهراني' } });
      const ack = await eventually(
        async () => (await messages(ticket.id)).find((m) => m.direction === 'outbound'),
        (m) => m?.deliveryStatus === 'sent',
      );
      expect(ack!.body).toContain(res.body.ticketNumber);
      expect(ack!.body).toContain('لا تقل عن 14 يوماً');
      expect(ack!.body).toContain(formatDualDate(expected, 'ar')); // Hijri — Gregorian
      expect(ack!.body).toMatch(/هـ — \d+ \S+ \d{4}/);
      expect(ack!.body).not.toContain('فاطمة'); // our own text only: the form does not prove who owns the number

      const hr = await helpRequestOf(ticket.id);
      expect(hr).toMatchObject({ status: 'intake', applicant: { nationalId: '1••••••••2', kind: 'public' } });
      // National IDs never in plain text in the help-request tables (the applicant's is on the contact, encrypted).
      const rows = await queryDatabase<{ t: string }>(
        env.config.DATABASE_URL,
        'SELECT row_to_json(h)::text AS t FROM help_requests h WHERE id = $1',
        [hr.id],
      );
      expect(rows[0].t).not.toMatch(/1012345672|1100000007/);
      expect(rows[0].t).toContain('1••••••••7');
    });

    it('refuses a national ID with a wrong check digit with a 400 naming nationalId, and stores nothing', async () => {
      const before = await queryDatabase<{ n: string }>(env.config.DATABASE_URL, 'SELECT count(*) n FROM tickets');
      const res = await submit(form({ nationalId: '1012345678' }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(String((res.body as unknown as { message: string }).message)).toMatch(/^nationalId has a wrong check digit/);
      for (const [body, field] of [
        [form({ phone: 'not a phone' }), 'phone'],
        [form({ serviceType: 'lottery' }), 'serviceType'],
        [form({ fields: { monthlyIncome: 'a lot' } }), 'fields.monthlyIncome'],
        [form({ household: [{ name: 'x', relation: 'son', nationalId: '1100000001' }] }), 'household.0.nationalId'],
        [form({ description: '' }), 'description'],
      ] as const) {
        const bad = await submit(body);
        expect({ field, status: bad.status }).toEqual({ field, status: 400 });
        expect(String((bad.body as unknown as { message: string }).message)).toContain(field);
      }
      const after = await queryDatabase<{ n: string }>(env.config.DATABASE_URL, 'SELECT count(*) n FROM tickets');
      expect(after[0].n).toBe(before[0].n);
    });

    it('answers a retry with the same Idempotency-Key with the same ticket number', async () => {
      const body = form({ nationalId: '1055555559', phone: '0551112233', name: 'خالد' });
      const first = await submit(body, freshIp(), { 'idempotency-key': 'form-retry-0001' });
      const again = await submit(body, freshIp(), { 'idempotency-key': 'form-retry-0001' });
      expect(again.body.ticketNumber).toBe(first.body.ticketNumber);
      const other = await submit({ ...body, description: 'طلب آخر' }, freshIp(), { 'idempotency-key': 'form-retry-0001' });
      expect(other.status).toBe(409);
    });

    it('is rate-limited per client address', async () => {
      const ip = freshIp();
      for (let i = 0; i < 3; i++) expect((await submit(form({ nationalId: '1012345678' }), ip)).status).toBe(400);
      const limited = await submit(form(), ip);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    });
  });

  describe('from intake to the committee’s approval', () => {
    let ticket: TicketJson;
    let hr: HelpRequestJson;
    let codeId: string;

    beforeAll(async () => {
      const res = await submit(form({ name: 'نورة العتيبي', nationalId: '2012345670', phone: '0561234567', language: 'ar' }));
      ticket = await ticketByNumber(res.body.ticketNumber);
      hr = await helpRequestOf(ticket.id);
    });

    it('refuses the hand-off with 422 and the list of what is missing', async () => {
      const res = await officer.http.post<{ statusCode: number; message: string; missing: ChecklistItem[] }>(`/api/v1/tickets/${ticket.id}/handoff`);
      expect(res.status).toBe(422);
      expect(res.body.missing.map((m) => `${m.code} ${m.documentType ?? m.field ?? ''}`.trim())).toEqual([
        'document_missing national_id_copy',
        'document_missing family_record',
        'document_missing income_proof',
        'declaration_missing',
      ]);
      expect(res.body.message).toMatch(/not ready for the committee/);
      expect((await helpRequestOf(ticket.id)).checklist).toMatchObject({ complete: false, invalid: [] });
    });

    it('flags an expired document as invalid on the submission day, and registers the applicant once the intake is complete', async () => {
      const expired = await uploadDocument(hr.id, 'national_id_copy', { expiresOnHijri: '1440-01-01' });
      expect(expired.status).toBe(201);
      expect(expired.body.checklist.invalid).toEqual([expect.objectContaining({ code: 'document_expired', documentType: 'national_id_copy' })]);
      const bad = await officer.http.request('DELETE', `/api/v1/help-requests/${hr.id}/documents/${expired.body.documents[0].id}`);
      expect(bad.status).toBe(200);

      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Riyadh' });
      await uploadDocument(hr.id, 'national_id_copy', { expiresOn: today }); // expiring today: still valid today
      await uploadDocument(hr.id, 'family_record');
      const done = await uploadDocument(hr.id, 'income_proof');
      expect(done.body.checklist).toMatchObject({ complete: true, missing: [], invalid: [] });
      expect(done.body.documents[0].expiresOnHijri).toMatch(/هـ$/);
      expect(done.body.applicant.kind).toBe('beneficiary');
      expect(done.body.applicant.beneficiaryFileNumber).toMatch(/^BF-\d{6}$/);
      const file = await queryDatabase<{ household: { name: string; nationalIdMasked: string | null }[] }>(
        env.config.DATABASE_URL,
        'SELECT household FROM beneficiary_files WHERE contact_id = $1',
        [done.body.applicant.contactId],
      );
      expect(file[0].household.map((m) => m.name)).toEqual(['سارة', 'محمد']);
      hr = done.body;

      const res = await officer.http.post<{ missing: ChecklistItem[] }>(`/api/v1/tickets/${ticket.id}/handoff`);
      expect(res.status).toBe(422);
      expect(res.body.missing.map((m) => m.code)).toEqual([
        'document_unverified',
        'document_unverified',
        'document_unverified',
        'declaration_missing',
      ]);
    });

    it('records the officer’s verification of each document: who, when, notes', async () => {
      hr = await verifyAll(hr);
      expect(
        hr.documents.every((d) => d.verification?.result === 'matches' && d.verification.current && d.verification.verifiedById === officer.id),
      ).toBe(true);
      expect(hr.blockers.map((b) => b.code)).toEqual(['declaration_missing']);
    });

    it('sends the declaration code by SMS only — never into the ticket — and signs with it', async () => {
      const sent = await officer.http.post<{ codeId: string; channel: string; sentTo: string; expiresAt: string; sandbox: boolean }>(
        `/api/v1/help-requests/${hr.id}/declaration/code`,
      );
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ channel: 'sms', sentTo: '+9665••••••67', sandbox: true });
      expect(new Date(sent.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
      codeId = sent.body.codeId;
      const code = (await env.api!.get(DeclarationCodeOutbox).peek(codeId)) as string;
      expect(code).toMatch(/^\d{6}$/);

      // Nowhere an officer can read it: not in a message, not in the database (only its HMAC).
      expect((await messages(ticket.id)).some((m) => m.body.includes(code))).toBe(false);
      const stored = await queryDatabase<{ code_hash: string; sent_to_masked: string }>(
        env.config.DATABASE_URL,
        'SELECT code_hash, sent_to_masked FROM declaration_codes WHERE id = $1',
        [codeId],
      );
      expect(stored[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0].code_hash).not.toContain(code);
      expect((await officer.http.post(`/api/v1/help-requests/${hr.id}/declaration/code`)).status).toBe(429); // one a minute

      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const miss = await officer.http.post<{ message: string; triesLeft: number }>(`/api/v1/help-requests/${hr.id}/declaration/code/confirm`, {
        code: wrong,
      });
      expect(miss.status).toBe(400);
      expect(miss.body).toMatchObject({ message: 'code is not correct; 4 tries left', triesLeft: 4 });

      const ok = await officer.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/declaration/code/confirm`, { code });
      expect(ok.status).toBe(201);
      expect(ok.body.declaration).toMatchObject({ signed: true, outdated: false, method: 'otp', channel: 'sms', ip: expect.any(String) });
      expect(ok.body.readyForHandoff).toBe(true);
      const row = await queryDatabase<{ declared_json: string; data_hash: string; declared_at: Date }>(
        env.config.DATABASE_URL,
        'SELECT declared_json, data_hash, declared_at FROM help_request_declarations WHERE help_request_id = $1 AND voided_at IS NULL',
        [hr.id],
      );
      expect(row[0].data_hash).toBe(createHash('sha256').update(row[0].declared_json, 'utf8').digest('hex'));
      expect(row[0].data_hash).toBe(ok.body.declaration.dataHash);
      expect(JSON.parse(row[0].declared_json)).toMatchObject({
        serviceType: 'food_basket',
        statement: { language: 'ar' },
        applicant: { name: 'نورة العتيبي', nationalIdMasked: '2••••••••0' },
      });
      expect(row[0].declared_json).not.toMatch(/2012345670|1100000007/);
      const reuse = await officer.http.post(`/api/v1/help-requests/${hr.id}/declaration/code/confirm`, { code });
      expect(reuse.status).toBe(409);
    });

    it('hands off: the ticket goes to the committee, the board shows it, the applicant is told the expected date', async () => {
      const res = await officer.http.post<HelpRequestJson>(`/api/v1/tickets/${ticket.id}/handoff`);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'with_committee', ticketStatus: 'with_committee', committee: { round: 1 } });
      const due = new Date(res.body.committee.dueAt!);
      expect(due.getTime() - Date.now()).toBeGreaterThan(14 * DAY - 60_000);
      expect((await officer.http.get<TicketJson>(`/api/v1/tickets/${ticket.id}`)).body.status).toBe('with_committee');
      const notice = await eventually(
        async () => (await messages(ticket.id)).find((m) => m.direction === 'outbound' && m.body.includes('أُحيل طلبك')),
        (m) => m?.deliveryStatus === 'sent',
      );
      expect(notice!.body).toContain(formatDualDate(due, 'ar'));
      expect(notice!.body).toContain('لا تقل عن 14 يوماً');
      const again = await officer.http.post(`/api/v1/tickets/${ticket.id}/handoff`);
      expect(again.status).toBe(409);

      const board = await eventually(
        async () => (await committee.http.get<BoardJson>('/api/v1/committee/board')).body,
        (b) => b.items.some((i) => i.helpRequestId === hr.id),
      );
      expect(board.items.find((i) => i.helpRequestId === hr.id)).toMatchObject({
        ticketNumber: ticket.number,
        stage: 'new',
        round: 1,
        overdue: false,
        awaitingInfo: false,
      });
      const jobs = await env.worker!.get<Queue>(getQueueToken(QueueName.Committee)).getJob(overdueJobId(hr.id, 1));
      expect(jobs).toBeTruthy();
      expect(await jobs!.getState()).toBe('delayed');
    });

    it('lets only the committee record research and decisions', async () => {
      for (const who of [officer, supervisor, admin]) {
        const res = await who.http.post(`/api/v1/help-requests/${hr.id}/decisions`, { outcome: 'approved', amountSar: 1000 });
        expect(res.status).toBe(403);
      }
      expect((await officer.http.post(`/api/v1/help-requests/${hr.id}/research`, { kind: 'note', notes: 'x' })).status).toBe(403);
      const note = await committee.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/research`, {
        kind: 'note',
        notes: 'الأسرة تسكن في شقة مستأجرة',
      });
      expect(note.body.committee.stage).toBe('under_study');
      const noDate = await committee.http.post(`/api/v1/help-requests/${hr.id}/research`, { kind: 'field_visit', notes: 'زيارة' });
      expect(noDate.status).toBe(400);
      const visit = await committee.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/research`, {
        kind: 'field_visit',
        notes: 'زيارة ميدانية',
        visitDate: new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Riyadh' }),
        findings: 'الوضع المعيشي يستدعي الدعم',
      });
      expect(visit.body.committee).toMatchObject({ stage: 'field_visit', research: [{ kind: 'note' }, { kind: 'field_visit' }] });
      const ready = await committee.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/stage`, { stage: 'ready_for_decision' });
      expect(ready.body.committee.stage).toBe('ready_for_decision');
      expect((await committee.http.post(`/api/v1/help-requests/${hr.id}/stage`, { stage: 'decided' })).status).toBe(400);
    });

    it('approves: the applicant is told what was approved, then the ticket resolves', async () => {
      const incomplete = await committee.http.post(`/api/v1/help-requests/${hr.id}/decisions`, { outcome: 'approved' });
      expect(incomplete.status).toBe(400);
      const res = await committee.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/decisions`, {
        outcome: 'approved',
        amountSar: 1500,
        durationMonths: 3,
        items: ['سلة غذائية'],
        notes: 'بالإجماع',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'decided',
        ticketStatus: 'resolved',
        committee: { stage: 'decided', decisions: [{ outcome: 'approved', amountSar: 1500 }] },
      });
      const notice = await eventually(
        async () => (await messages(ticket.id)).find((m) => m.body.includes('وافقت لجنة البحث')),
        (m) => m?.deliveryStatus === 'sent',
      );
      expect(notice!.body).toContain('مبلغ 1,500 ريال شهرياً لمدة 3 أشهر؛ الأصناف: سلة غذائية');
      expect((await officer.http.get<TicketJson>(`/api/v1/tickets/${ticket.id}`)).body.status).toBe('resolved');
      expect((await env.worker!.get<Queue>(getQueueToken(QueueName.Committee)).getJob(overdueJobId(hr.id, 1))) ?? null).toBeNull();
      expect((await committee.http.post(`/api/v1/help-requests/${hr.id}/decisions`, { outcome: 'rejected', reason: 'x' })).status).toBe(409);
    });

    it('keeps decisions final: no UPDATE or DELETE; a correction is a new entry naming the old one', async () => {
      const [decision] = (await helpRequestOf(ticket.id, committee)).committee.decisions;
      await expect(
        queryDatabase(env.config.DATABASE_URL, "UPDATE committee_decisions SET reason = 'x' WHERE id = $1", [decision.id]),
      ).rejects.toThrow(/decisions are final/);
      await expect(queryDatabase(env.config.DATABASE_URL, 'DELETE FROM committee_decisions WHERE id = $1', [decision.id])).rejects.toThrow(
        /decisions are final/,
      );
      const noNotes = await committee.http.post(`/api/v1/help-requests/${hr.id}/decisions`, {
        outcome: 'approved',
        amountSar: 2000,
        correctsDecisionId: decision.id,
      });
      expect(noNotes.status).toBe(400);
      const fixed = await committee.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/decisions`, {
        outcome: 'approved',
        amountSar: 2000,
        durationMonths: 3,
        correctsDecisionId: decision.id,
        notes: 'خطأ في المبلغ المدخل',
      });
      expect(fixed.status).toBe(201);
      expect(fixed.body.committee.decisions).toEqual([
        expect.objectContaining({ id: decision.id, correctedById: expect.any(String) }),
        expect.objectContaining({ outcome: 'approved', amountSar: 2000, correctsDecisionId: decision.id }),
      ]);
      await eventually(
        async () => (await messages(ticket.id)).find((m) => m.body.includes('صحّحت لجنة البحث')),
        (m) => !!m && m.body.includes('مبلغ 2,000 ريال'),
      );
      const twice = await committee.http.post(`/api/v1/help-requests/${hr.id}/decisions`, {
        outcome: 'approved',
        amountSar: 1,
        correctsDecisionId: decision.id,
        notes: 'x',
      });
      expect(twice.status).toBe(409);
    });

    it('writes an audit entry for every state change', async () => {
      const res = await officer.http.get<{ items: { action: string }[] }>(`/api/v1/help-requests/${hr.id}/history`);
      const actions = res.body.items.map((i) => i.action);
      for (const action of [
        'help_request.created',
        'help_request.document_added',
        'help_request.document_removed',
        'help_request.document_verified',
        'help_request.declaration_code_sent',
        'help_request.declaration_code_failed',
        'help_request.declared',
        'help_request.handed_off',
        'committee.placed_on_board',
        'committee.research_recorded',
        'committee.stage_changed',
        'committee.decision_recorded',
        'committee.decision_corrected',
      ]) {
        expect(actions).toContain(action);
      }
      const audit = await admin.http.get<{ items: { action: string }[] }>(`/api/v1/audit?action=beneficiary_file.registered`);
      expect(audit.body.items.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('a registered beneficiary', () => {
    it('starts a later request from the file: same contact, same file number, the household on the file', async () => {
      const before = await queryDatabase<{ file_number: string; contact_id: string }>(
        env.config.DATABASE_URL,
        "SELECT f.file_number, f.contact_id FROM beneficiary_files f JOIN contacts c ON c.id = f.contact_id WHERE c.name = 'نورة العتيبي'",
      );
      expect(before).toHaveLength(1);
      const res = await submit(
        form({
          name: 'نورة',
          nationalId: '٢٠١٢٣٤٥٦٧٠',
          phone: '+966 56 123 4567',
          household: undefined,
          serviceType: 'seasonal_support',
          fields: { monthlyIncome: 2500, season: 'ramadan', district: 'النسيم' },
        }),
      );
      expect(res.status).toBe(201);
      const hr = await helpRequestOf((await ticketByNumber(res.body.ticketNumber)).id);
      expect(hr.applicant).toMatchObject({
        contactId: before[0].contact_id,
        name: 'نورة العتيبي',
        kind: 'beneficiary',
        beneficiaryFileNumber: before[0].file_number,
      });
      expect((hr as unknown as { household: { name: string; nationalId: string | null }[] }).household).toEqual([
        expect.objectContaining({ name: 'سارة', nationalId: '1••••••••7' }),
        expect.objectContaining({ name: 'محمد', nationalId: null }),
      ]);
    });
  });

  describe('more information needed', () => {
    it('returns the ticket to the officer, tells the applicant, stops the clock; a new hand-off resumes it', async () => {
      const { ticket, hr } = await readyRequest({ name: 'سلمان', nationalId: '1098765439', phone: '0591234567' });
      const first = await officer.http.post<HelpRequestJson>(`/api/v1/tickets/${ticket.id}/handoff`);
      expect(first.status).toBe(201);
      const firstDue = new Date(first.body.committee.dueAt!).getTime();
      await eventually(
        async () => (await committee.http.get<BoardJson>('/api/v1/committee/board')).body,
        (b) => b.items.some((i) => i.helpRequestId === hr.id),
      );

      const noWhat = await committee.http.post(`/api/v1/help-requests/${hr.id}/decisions`, { outcome: 'more_info' });
      expect(noWhat.status).toBe(400);
      expect(noWhat.body.message).toMatch(/infoNeeded/);
      const asked = await committee.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/decisions`, {
        outcome: 'more_info',
        infoNeeded: 'صورة حديثة من عقد الإيجار',
      });
      expect(asked.status).toBe(201);
      expect(asked.body).toMatchObject({ status: 'awaiting_info', ticketStatus: 'open', committee: { clockPaused: true } });
      await eventually(
        async () => (await messages(ticket.id)).find((m) => m.body.includes('صورة حديثة من عقد الإيجار')),
        (m) => m?.deliveryStatus === 'sent',
      );
      const board = (await committee.http.get<BoardJson>('/api/v1/committee/board')).body.items.find((i) => i.helpRequestId === hr.id);
      expect(board).toMatchObject({ awaitingInfo: true, overdue: false });
      const history = await officer.http.get<{ items: { action: string; after: { status?: string; cause?: string } }[] }>(
        `/api/v1/tickets/${ticket.id}/history`,
      );
      expect(history.body.items.filter((i) => i.action === 'ticket.status_changed').map((i) => `${i.after.status}/${i.after.cause}`)).toEqual(
        expect.arrayContaining(['with_committee/handoff', 'open/committee_decision']),
      );

      // The officer adds what was asked for; the data itself did not change, so verification and declaration still hold.
      await uploadDocument(hr.id, 'lease_contract', { expiresOn: FUTURE });
      const withLease = await helpRequestOf(ticket.id);
      expect(withLease.declaration).toMatchObject({ signed: false }); // the declared documents changed
      await verifyAll(withLease);
      expect((await signOnPaper(hr.id)).status).toBe(201);

      const again = await officer.http.post<HelpRequestJson>(`/api/v1/tickets/${ticket.id}/handoff`);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ status: 'with_committee', ticketStatus: 'with_committee', committee: { round: 2, clockPaused: false } });
      // Resumed with the time that was left, not a new full period.
      expect(new Date(again.body.committee.dueAt!).getTime()).toBeLessThanOrEqual(firstDue + 60_000);
      await eventually(
        async () => (await messages(ticket.id)).find((m) => m.body.includes('استأنفت دراسته')),
        (m) => m?.deliveryStatus === 'sent',
      );
      const placed = await eventually(
        async () => (await committee.http.get<BoardJson>('/api/v1/committee/board')).body.items.find((i) => i.helpRequestId === hr.id),
        (i) => i?.round === 2,
      );
      expect(placed).toMatchObject({ awaitingInfo: false, stage: 'new' });
    });

    it('reminds the committee when a study passes its due date', async () => {
      const { ticket, hr } = await readyRequest({ name: 'ريم', nationalId: '1111111116', phone: '0531234567' });
      await officer.http.post(`/api/v1/tickets/${ticket.id}/handoff`);
      const queue = env.worker!.get<Queue>(getQueueToken(QueueName.Committee));
      const job = await eventually(
        () => queue.getJob(overdueJobId(hr.id, 1)),
        (j) => !!j,
      );
      await queryDatabase(env.config.DATABASE_URL, "UPDATE help_requests SET committee_due_at = now() - interval '1 hour' WHERE id = $1", [hr.id]);
      await job!.promote();
      const item = await eventually(
        async () => (await committee.http.get<BoardJson>('/api/v1/committee/board?overdue=true')).body.items.find((i) => i.helpRequestId === hr.id),
        (i) => !!i?.overdueRemindedAt,
      );
      expect(item).toMatchObject({ overdue: true });
      const notes = await eventually(
        () =>
          queryDatabase<{ user_id: string; kind: string; title: string }>(
            env.config.DATABASE_URL,
            'SELECT user_id, kind, title FROM notifications WHERE ticket_id = $1',
            [ticket.id],
          ),
        (rows) => rows.length >= 2,
      );
      expect(notes.map((n) => n.user_id).sort()).toEqual([committee.id, supervisor.id].sort());
      expect(notes[0]).toMatchObject({ kind: 'committee.study_overdue' });
      expect(notes[0].title).toContain(ticket.number);
      const audit = await admin.http.get<{ items: unknown[] }>(`/api/v1/audit?entityId=${hr.id}&action=committee.study_overdue`);
      expect(audit.body.items).toHaveLength(1);
    });
  });

  describe('a rejection', () => {
    it('needs a reason, and carries it to the applicant', async () => {
      const { ticket, hr } = await readyRequest({ name: 'ماجد', nationalId: '1200000006', phone: '0581234567', language: 'en' });
      await officer.http.post(`/api/v1/tickets/${ticket.id}/handoff`);
      const noReason = await committee.http.post(`/api/v1/help-requests/${hr.id}/decisions`, { outcome: 'rejected' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toMatch(/reason is required/);
      const res = await committee.http.post<HelpRequestJson>(`/api/v1/help-requests/${hr.id}/decisions`, {
        outcome: 'rejected',
        reason: 'Household income is above the eligibility limit',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'decided', ticketStatus: 'resolved' });
      const notice = await eventually(
        async () => (await messages(ticket.id)).find((m) => m.body.includes('did not approve')),
        (m) => m?.deliveryStatus === 'sent',
      );
      expect(notice!.body).toContain('Reason: Household income is above the eligibility limit');
    });
  });

  describe('an officer’s intake at a visit', () => {
    it('opens the application; a data change after verification voids the verification and the declaration', async () => {
      const created = await officer.http.post<HelpRequestJson>('/api/v1/help-requests', {
        channel: 'visit',
        contact: { name: 'هند', phone: '0541234567' },
        nationalId: '1100000007',
        serviceType: 'food_basket',
        description: 'حضرت إلى مقر الجمعية تطلب سلة غذائية',
        fields: { monthlyIncome: 1800, incomeSource: 'none', district: 'الروضة' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'intake', applicant: { nationalId: '1••••••••7' } });
      expect((await officer.http.get<TicketJson>(`/api/v1/tickets/${created.body.ticketId}`)).body).toMatchObject({
        type: 'help_request',
        channel: 'visit',
      });
      const dup = await officer.http.post('/api/v1/help-requests', { ticketId: created.body.ticketId, serviceType: 'food_basket', description: 'x' });
      expect(dup.status).toBe(409);
      expect(
        (await committee.http.post('/api/v1/help-requests', { contact: { name: 'x' }, serviceType: 'food_basket', description: 'x' })).status,
      ).toBe(403);

      const id = created.body.id;
      await addFoodBasketDocuments(id);
      const verified = await verifyAll((await officer.http.get<HelpRequestJson>(`/api/v1/help-requests/${id}`)).body);
      expect((await signOnPaper(id)).body.readyForHandoff).toBe(true);
      expect(verified.dataVersion).toBe(1);

      const changed = await officer.http.patch<HelpRequestJson>(`/api/v1/help-requests/${id}`, { fields: { monthlyIncome: 2200 } });
      expect(changed.status).toBe(200);
      expect(changed.body.dataVersion).toBe(2);
      expect(changed.body.documents.every((d) => d.verification === null)).toBe(true);
      expect(changed.body.declaration).toMatchObject({ signed: false });
      expect(changed.body.readyForHandoff).toBe(false);

      const refused = await officer.http.post<{ missing: ChecklistItem[] }>(`/api/v1/tickets/${created.body.ticketId}/handoff`);
      expect(refused.status).toBe(422);
      expect(refused.body.missing.map((m) => m.code)).toEqual([
        'document_unverified',
        'document_unverified',
        'document_unverified',
        'declaration_missing',
      ]);
      const history = await officer.http.get<{ items: { action: string }[] }>(`/api/v1/help-requests/${id}/history`);
      expect(history.body.items.map((i) => i.action)).toEqual(
        expect.arrayContaining(['help_request.updated', 'help_request.verification_voided', 'help_request.declaration_voided']),
      );

      // A change that leaves the data as it was voids nothing.
      const reverified = await verifyAll(changed.body);
      const same = await officer.http.patch<HelpRequestJson>(`/api/v1/help-requests/${id}`, { fields: { monthlyIncome: 2200 } });
      expect(same.body.documents.every((d) => d.verification?.current)).toBe(true);
      expect(same.body.dataVersion).toBe(reverified.dataVersion);
    });

    it('refuses an unknown field and a household member listed twice is reported invalid', async () => {
      const created = await officer.http.post<{ message: string }>('/api/v1/help-requests', {
        contact: { name: 'عائشة', phone: '0571234567' },
        serviceType: 'food_basket',
        description: 'طلب سلة',
        fields: { favouriteColour: 'blue' },
      });
      expect(created.status).toBe(400);
      expect(created.body.message).toMatch(/fields\.favouriteColour is not a field of this service type/);
      const ok = await officer.http.post<HelpRequestJson>('/api/v1/help-requests', {
        contact: { name: 'عائشة', phone: '0571234567' },
        serviceType: 'food_basket',
        description: 'طلب سلة',
        household: [
          { name: 'علي', relation: 'son', birthDate: '2012-01-01', nationalId: '1100000007' },
          { name: 'Ali', relation: 'son', birthDate: '2012-01-01', nationalId: '1100000007' },
        ],
      });
      expect(ok.status).toBe(201);
      expect(ok.body.checklist.missing.map((m) => m.code)).toContain('national_id_missing');
      expect(ok.body.checklist.invalid).toEqual([expect.objectContaining({ code: 'household_duplicate' })]);
    });
  });

  describe('the applicant signs on the public page', () => {
    it('confirms the declaration code with the ticket number, from their own address', async () => {
      const res = await submit(form({ name: 'لولوة', nationalId: '2300000003', phone: '0509876543' }));
      const ticket = await ticketByNumber(res.body.ticketNumber);
      const hr = await helpRequestOf(ticket.id);
      await addFoodBasketDocuments(hr.id);
      await verifyAll(await helpRequestOf(ticket.id));
      const sent = await officer.http.post<{ codeId: string }>(`/api/v1/help-requests/${hr.id}/declaration/code`);
      const code = (await env.api!.get(DeclarationCodeOutbox).peek(sent.body.codeId)) as string;

      const unknown = await pub.post('/api/v1/public/help-requests/1400-999999/declaration', { code }, { 'x-forwarded-for': freshIp() });
      expect(unknown.status).toBe(409);
      const signed = await pub.post(`/api/v1/public/help-requests/${ticket.number}/declaration`, { code }, { 'x-forwarded-for': '10.99.0.1' });
      expect(signed.status).toBe(201);
      expect(signed.body).toEqual({ signed: true, ticketNumber: ticket.number });
      expect((await helpRequestOf(ticket.id)).declaration).toMatchObject({ signed: true, method: 'otp', channel: 'sms', ip: '10.99.0.1' });
      const row = await queryDatabase<{ recorded_by_id: string | null }>(
        env.config.DATABASE_URL,
        'SELECT recorded_by_id FROM help_request_declarations WHERE help_request_id = $1',
        [hr.id],
      );
      expect(row).toEqual([{ recorded_by_id: null }]);
    });
  });

  describe('reports', () => {
    it('shows turnaround by service type to supervisors and the committee, not to officers', async () => {
      expect((await officer.http.get('/api/v1/help-requests/reports/turnaround')).status).toBe(403);
      const res = await supervisor.http.get<{
        items: { serviceType: string; decided: number; avgDays: number | null; medianDays: number | null; open: number; overdue: number }[];
      }>('/api/v1/help-requests/reports/turnaround');
      expect(res.status).toBe(200);
      const food = res.body.items.find((i) => i.serviceType === 'food_basket');
      expect(food).toMatchObject({ decided: 2, open: 2, overdue: 1 });
      expect(food!.avgDays).toBeGreaterThanOrEqual(0);
      expect(food!.medianDays).toBeGreaterThanOrEqual(0);
      const period = await committee.http.get<{ items: { serviceType: string; decided: number; open: number }[] }>(
        '/api/v1/help-requests/reports/turnaround?from=2020-01-01&to=2020-12-31',
      );
      expect(period.body.items.find((i) => i.serviceType === 'food_basket')).toMatchObject({ decided: 0, open: 2 });
      expect((await committee.http.get('/api/v1/help-requests/reports/turnaround?from=2026-13-01')).status).toBe(400);
      expect((await committee.http.get('/api/v1/help-requests/reports/turnaround?from=2026-02-01&to=2026-01-01')).status).toBe(400);
    });
  });

  describe('re-saving a household', () => {
    interface Member {
      id: string;
      name: string;
      relation: string;
      birthDate: string | null;
      nationalId: string | null;
    }
    type Stored = { id: string; name: string; nationalIdHash: string | null; nationalIdEncrypted: string | null }[];
    const householdOf = async (id: string) =>
      (await queryDatabase<{ household: Stored }>(env.config.DATABASE_URL, 'SELECT household FROM help_requests WHERE id = $1', [id]))[0]
        .household;
    const save = (id: string, household: Record<string, unknown>[]) =>
      officer.http.patch<{ household: Member[]; message: string }>(`/api/v1/help-requests/${id}`, { household });

    it('keeps a member’s stored national ID when the member is sent back by id without one', async () => {
      const created = await officer.http.post<{ id: string; household: Member[] }>('/api/v1/help-requests', {
        contact: { name: 'هيا القحطاني', phone: '0551112233' },
        serviceType: 'food_basket',
        description: 'طلب سلة غذائية',
        household: [
          { name: 'سارة', relation: 'daughter', birthDate: '2015-03-01', nationalId: '1100000007' },
          { name: 'محمد', relation: 'son', birthDate: '2018-07-12' },
        ],
      });
      expect(created.status).toBe(201);
      const [sara, mohammed] = created.body.household;
      expect(sara).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'سارة', nationalId: '1••••••••7' });
      const stored = await householdOf(created.body.id);
      expect(stored[0].nationalIdHash).toMatch(/\w{20,}/);

      // The officer corrects a name only; the ID field stays empty, as the api never shows it in full.
      const renamed = await save(created.body.id, [
        { id: sara.id, name: 'سارة محمد', relation: 'daughter', birthDate: '2015-03-01' },
        { id: mohammed.id, name: 'محمد', relation: 'son', birthDate: '2018-07-12' },
        { name: 'ليلى', relation: 'daughter', birthDate: '2020-01-05' },
      ]);
      expect(renamed.status).toBe(200);
      expect(renamed.body.household.map((m) => [m.id, m.name, m.nationalId])).toEqual([
        [sara.id, 'سارة محمد', '1••••••••7'],
        [mohammed.id, 'محمد', null],
        [expect.stringMatching(/^[0-9a-f-]{36}$/), 'ليلى', null],
      ]);
      const after = await householdOf(created.body.id);
      expect(after[0]).toMatchObject({ id: sara.id, nationalIdHash: stored[0].nationalIdHash, nationalIdEncrypted: stored[0].nationalIdEncrypted });

      // Removing an ID takes an explicit null.
      const removed = await save(created.body.id, [{ id: sara.id, name: 'سارة محمد', relation: 'daughter', nationalId: null }]);
      expect(removed.status).toBe(200);
      expect(removed.body.household).toEqual([expect.objectContaining({ id: sara.id, nationalId: null })]);
      expect((await householdOf(created.body.id))[0].nationalIdHash).toBeNull();
    });

    it('refuses a member id that is not a saved member, is repeated or is not an id, naming the field', async () => {
      const created = await officer.http.post<{ id: string; household: Member[] }>('/api/v1/help-requests', {
        contact: { name: 'منى الشهري', phone: '0552223344' },
        serviceType: 'food_basket',
        description: 'طلب سلة غذائية',
        household: [{ name: 'عبدالله', relation: 'son', nationalId: '1100000007' }],
      });
      const member = created.body.household[0];
      const stranger = '6b1f0a51-8d3c-4a47-9d6e-6a1a3f6f0c11';
      const unknown = await save(created.body.id, [{ id: stranger, name: 'عبدالله', relation: 'son' }]);
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toBe(`household.0.id ${stranger} is not a saved member of this household`);
      const twice = await save(created.body.id, [
        { id: member.id, name: 'عبدالله', relation: 'son' },
        { id: member.id, name: 'عبدالله', relation: 'son' },
      ]);
      expect(twice.status).toBe(400);
      expect(twice.body.message).toBe('household.1.id repeats household.0.id');
      const notAnId = await save(created.body.id, [{ id: 'first', name: 'عبدالله', relation: 'son' }]);
      expect(notAnId.status).toBe(400);
      expect(notAnId.body.message).toMatch(/household\.0\.id must be a UUID/);
      expect((await officer.http.get<{ household: Member[] }>(`/api/v1/help-requests/${created.body.id}`)).body.household).toEqual([
        expect.objectContaining({ id: member.id, nationalId: '1••••••••7' }),
      ]);
    });
  });
});
