import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { UsersService } from '@app/users';
import { ConsoleBrowser, signIn } from '../support/browser.js';
import { HttpClient } from '../support/http-client.js';
import { queryDatabase } from '../support/test-database.js';
import { TestEnvironment } from '../support/test-environment.js';

// Long Arabic names: rows, the header and the timeline must not break with them.
const OFFICER = { name: 'نورة بنت سعد بن عبدالله العتيبي', email: 'noura.officer@example.org', password: 'officer-password-1' };
const OFFICER2 = { name: 'خالد بن فهد الشمري', email: 'khalid.officer@example.org', password: 'officer-password-2' };
const SUPERVISOR = { name: 'منى بنت عبدالرحمن الدوسري', email: 'mona.supervisor@example.org', password: 'supervisor-password-1' };
const CALLER = '+966501234987';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('working tickets in the console (Arabic first): live queue, ticket view, reply, note, presence, reassignment', () => {
  const env = new TestEnvironment();
  const browser = new ConsoleBrowser('console-');
  let page: Page;
  let ticketId = '';
  let ticketNumber = '';
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);

  /** An inbound SMS as Twilio posts it (sandbox: no signature needed). */
  async function inboundSms(body: string): Promise<string> {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const res = await fetch(`${env.baseUrl}/webhooks/twilio/messaging`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ MessageSid: sid, SmsSid: sid, From: CALLER, To: '+966110000000', Body: body, NumMedia: '0' }).toString(),
    });
    expect(res.status).toBe(200);
    return sid;
  }

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    const users = env.api!.get(UsersService);
    await users.create({ name: 'المدير', email: 'admin@example.org', password: 'admin-password-123', role: 'admin' }, { id: null });
    const officer = await users.create({ ...OFFICER, role: 'officer' }, { id: null });
    const officer2 = await users.create({ ...OFFICER2, role: 'officer' }, { id: null });
    const supervisor = await users.create({ ...SUPERVISOR, role: 'supervisor' }, { id: null });
    const http = await new HttpClient(env.baseUrl).login('admin@example.org', 'admin-password-123');
    const team = await http.post('/api/v1/teams', {
      name: 'علاقات المستفيدين',
      nameEn: 'Beneficiary relations',
      memberIds: [officer.id, officer2.id, supervisor.id],
    });
    expect(team.status).toBe(201);

    await browser.launch();
    page = await browser.newPage(env.baseUrl);
  });

  afterAll(async () => {
    await browser.close();
    await env.teardown();
  });

  afterEach(() => expect(browser.takePageErrors()).toEqual([]));

  it('signs in in Arabic (right to left) to the live queue, with the sandbox banner', async () => {
    await signIn(page, OFFICER);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'قائمة التذاكر' }).waitFor();
    await page.locator('[data-testid="live-status"][data-live="live"]').waitFor();
    await page.getByTestId('queue-empty').waitFor();
    // No Twilio credentials: the banner says outbound messages are recorded, not sent.
    expect(await page.getByTestId('sandbox-banner').textContent()).toContain('تُسجَّل في النظام ولا تُرسَل فعليًا');
    expect(await page.getByTestId('current-user-name').textContent()).toBe(OFFICER.name);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(1366);
  });

  it('shows an inbound SMS in the queue live, without reloading', async () => {
    const sid = await inboundSms('السلام عليكم، أرغب في الاستفسار عن موعد صرف مساعدة الإيجار لهذا الشهر');
    const row = page.getByTestId('queue-row').first();
    await row.waitFor({ timeout: 20_000 });
    const [stored] = await db<{ ticket_id: string }>('SELECT ticket_id FROM messages WHERE external_id = $1', [sid]);
    ticketId = stored!.ticket_id;
    expect(await row.getAttribute('data-ticket-id')).toBe(ticketId);
    ticketNumber = (await row.getByRole('link').textContent())!.trim();
    expect(ticketNumber).toMatch(/^14\d\d-\d{6}$/);
    expect(await row.textContent()).toContain('رسالة نصية');
    expect(await row.textContent()).toContain('جديدة');
    // A 1366-pixel laptop screen shows every column without scrolling sideways.
    const hiddenWidth = await page.getByTestId('queue-table').evaluate((table) => {
      let widest = 0;
      for (let box: Element | null = table; box; box = box.parentElement) widest = Math.max(widest, box.scrollWidth - box.clientWidth);
      return widest;
    });
    expect(hiddenWidth).toBe(0);
    await browser.shot(page, '01-queue-ar');
  });

  it('opens the ticket: the inbound message on the timeline, the contact, an SMS-aware reply box', async () => {
    await page.getByRole('link', { name: ticketNumber }).click();
    await page.waitForURL(new RegExp(`/tickets/${ticketId}$`));
    await page.getByRole('heading', { level: 1 }).filter({ hasText: ticketNumber }).waitFor();
    const inbound = page.locator('[data-testid="timeline-message"][data-direction="inbound"]');
    await inbound.first().waitFor();
    expect(await inbound.first().textContent()).toContain('مساعدة الإيجار');
    expect(await page.getByTestId('timeline-event').first().textContent()).toContain('أُنشئت التذكرة');
    expect(await page.getByTestId('contact-panel').textContent()).toContain('+966501234987');

    await page.getByTestId('reply-text').fill('مرحبًا، سيُصرف الدعم يوم الأحد القادم بإذن الله.');
    // Arabic is UCS-2: 70 characters in one SMS.
    expect(await page.getByTestId('sms-counter').textContent()).toContain('UCS-2');
  });

  it('replies: the reply appears and its delivery status goes live to "sent" (sandbox)', async () => {
    await page.getByTestId('send-message').click();
    const outbound = page.locator('[data-testid="timeline-message"][data-direction="outbound"]').filter({ hasText: 'سيُصرف الدعم' });
    await outbound.waitFor();
    await outbound.locator('[data-testid="delivery-status"][data-delivery="sent"]').waitFor({ timeout: 20_000 });
    expect(await outbound.getByTestId('delivery-status').textContent()).toBe('أُرسلت');
    expect(await page.getByTestId('reply-text').inputValue()).toBe('');
  });

  it('adds an internal note with an @mention, highlighted', async () => {
    // The reply/note switch is a radio group (the labels are what is seen and clicked).
    await page.getByTestId('reply-box').getByText('ملاحظة داخلية', { exact: true }).click();
    expect(await page.getByRole('radio', { name: 'ملاحظة داخلية' }).isChecked()).toBe(true);
    await page.getByTestId('note-text').fill('يرجى التحقق من الجدول ');
    await page.getByRole('button', { name: 'إشارة إلى زميل' }).click();
    await page.getByRole('menuitem', { name: SUPERVISOR.name }).click();
    expect(await page.getByTestId('note-text').inputValue()).toBe(`يرجى التحقق من الجدول @${SUPERVISOR.name} `);
    await page.getByTestId('send-message').click();
    const note = page.locator('[data-testid="timeline-message"][data-direction="note"]').filter({ hasText: 'يرجى التحقق' });
    await note.waitFor();
    expect(await note.locator('mark.mention').textContent()).toBe(`@${SUPERVISOR.name}`);
    await browser.shot(page, '02-ticket-ar');
  });

  it('shows who else is viewing, and a supervisor reassigns the ticket; the officer sees it live', async () => {
    const sup = await browser.newPage(env.baseUrl);
    await signIn(sup, SUPERVISOR);
    await sup.goto(`/tickets/${ticketId}`);
    await sup.getByTestId('ticket-actions').waitFor();

    // Presence: the officer's screen names the supervisor as also viewing.
    await page.getByTestId('presence').filter({ hasText: SUPERVISOR.name }).waitFor({ timeout: 15_000 });

    await sup.getByRole('combobox', { name: 'إسناد إلى' }).click();
    await sup.getByRole('option', { name: OFFICER2.name }).click();
    await sup.getByRole('button', { name: 'إسناد', exact: true }).click();
    await sup.getByTestId('ticket-assignee').filter({ hasText: OFFICER2.name }).waitFor();
    // The officer's open ticket follows without reloading.
    await page.getByTestId('ticket-assignee').filter({ hasText: OFFICER2.name }).waitFor();
    await page
      .locator('[data-testid="timeline-event"]')
      .filter({ hasText: `أُسندت إلى ${OFFICER2.name}` })
      .first()
      .waitFor();
    const [row] = await db<{ assignee_id: string }>('SELECT assignee_id FROM tickets WHERE id = $1', [ticketId]);
    const [officer2] = await db<{ id: string }>('SELECT id FROM users WHERE email = $1', [OFFICER2.email]);
    expect(row!.assignee_id).toBe(officer2!.id);
    await browser.shot(sup, '03-ticket-supervisor-ar');

    // The supervisor dashboard: totals, charts (a lazily loaded chunk) and the team's officers.
    await sup.getByRole('navigation').getByRole('link', { name: 'لوحة المشرف' }).click();
    await sup.getByRole('heading', { level: 1, name: 'لوحة المشرف' }).waitFor();
    await sup.getByTestId('total-created').filter({ hasText: '1' }).waitFor();
    await sup.locator('.recharts-surface').first().waitFor();
    const teamLoad = sup.getByTestId('team-load');
    await teamLoad.filter({ hasText: OFFICER2.name }).waitFor();
    expect(await teamLoad.textContent()).toContain(OFFICER.name);
    await browser.shot(sup, '05-dashboard-ar');
    await sup.close();
  });

  it('switches to English (left to right) and the ticket view follows', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect(title.startsWith('Ticket ')).toBe(true);
    expect(title).toContain(ticketNumber);
    expect(await page.locator('[data-testid="delivery-status"][data-delivery="sent"]').first().textContent()).toBe('Sent');
    await page.getByRole('link', { name: 'Back to the queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ticket queue' }).waitFor();
    await page.getByTestId('queue-row').first().waitFor();
    await sleep(100);
    await browser.shot(page, '04-queue-en');
    // Back to Arabic for whoever uses this browser next.
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  });
});
