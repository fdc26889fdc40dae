import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { UsersService } from '@app/users';
import { ConsoleBrowser, signIn } from '../support/browser.js';
import { HttpClient } from '../support/http-client.js';
import { queryDatabase } from '../support/test-database.js';
import { TestEnvironment } from '../support/test-environment.js';
import { waitFor } from '../support/wait-for.js';

const ADMIN = { name: 'مدير النظام', email: 'settings.admin@example.org', password: 'admin-password-123' };
const OFFICER = { name: 'سارة بنت محمد القحطاني', email: 'sara.officer@example.org', password: 'officer-password-1' };
const TEAM = 'فريق الإسكان والإيجار';
const CATEGORY = 'مساعدات الإيجار';
const RULE = 'طلبات الإيجار إلى فريق الإسكان';
const ACK = 'وصلتنا رسالتك ورقمها {{ticketNumber}}، وسيتابعها فريق الجمعية.';

describe('settings in the console (Arabic first): teams, categories, routing, calendar, templates, channels', () => {
  const env = new TestEnvironment();
  const browser = new ConsoleBrowser('admin-');
  let page: Page;
  let admin: HttpClient;
  let teamId = '';

  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);
  const dialog = () => page.getByRole('dialog');
  const tab = (name: string) => page.getByRole('tab', { name }).click();

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    const users = env.api!.get(UsersService);
    await users.create({ ...ADMIN, role: 'admin' }, { id: null });
    await users.create({ ...OFFICER, role: 'officer' }, { id: null });
    admin = await new HttpClient(env.baseUrl).login(ADMIN.email, ADMIN.password);

    await browser.launch();
    page = await browser.newPage(env.baseUrl);
  });

  afterAll(async () => {
    await browser.close();
    await env.teardown();
  });

  afterEach(() => expect(browser.takePageErrors()).toEqual([]));

  it('signs in as admin in Arabic and opens the settings', async () => {
    await signIn(page, ADMIN);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('navigation').getByRole('link', { name: 'الإعدادات' }).click();
    await page.getByRole('heading', { level: 1, name: 'الإعدادات' }).waitFor();
    expect(await page.getByRole('tab', { name: 'الفرق' }).getAttribute('aria-selected')).toBe('true');
    await page.getByText('لا توجد فرق بعد.').waitFor();
  });

  it('creates a team with a member, then a category with its competent officer', async () => {
    await page.getByRole('button', { name: 'إضافة فريق' }).click();
    await dialog().getByRole('textbox', { name: 'الاسم', exact: true }).fill(TEAM);
    await dialog().getByLabel('طريقة الإسناد').selectOption('round_robin');
    await dialog().getByRole('checkbox', { name: OFFICER.name }).check();
    await dialog().getByRole('button', { name: 'حفظ' }).click();
    const row = page.getByTestId('team-row').filter({ hasText: TEAM });
    await row.waitFor();
    expect(await row.textContent()).toContain(OFFICER.name);
    expect(await row.textContent()).toContain('بالتناوب');
    teamId = (await row.getAttribute('data-team-id'))!;
    expect(await page.getByTestId('admin-saved').textContent()).toContain(TEAM);

    await tab('التصنيفات');
    await page.getByRole('button', { name: 'إضافة تصنيف' }).click();
    await dialog().getByRole('textbox', { name: 'الاسم', exact: true }).fill(CATEGORY);
    await dialog().getByLabel('الفريق').selectOption({ label: TEAM });
    await dialog().getByLabel('المسؤول المختص').selectOption({ label: OFFICER.name });
    await dialog().getByRole('button', { name: 'حفظ' }).click();
    const category = page.getByTestId('category-row').filter({ hasText: CATEGORY });
    await category.waitFor();
    expect(await category.textContent()).toContain(OFFICER.name);
    expect(await category.textContent()).toContain(TEAM);
  });

  it('creates a routing rule with an Arabic keyword that sends tickets to the team', async () => {
    await tab('قواعد التوجيه');
    await page.getByText('لا توجد قواعد').waitFor();
    await page.getByRole('button', { name: 'إضافة قاعدة' }).click();
    // Without an action the form says what is missing before anything is sent.
    await dialog().getByRole('textbox', { name: 'الاسم', exact: true }).fill(RULE);
    await dialog().getByRole('button', { name: 'حفظ' }).click();
    await dialog().getByText('اختر إجراءً واحدًا على الأقل').waitFor();
    await dialog().getByLabel('كلمات مفتاحية').fill('إيجار، سكن');
    await dialog().getByLabel('التحويل إلى فريق').selectOption({ label: TEAM });
    await dialog().getByRole('combobox', { name: 'التصنيف', exact: true }).selectOption({ label: CATEGORY });
    await dialog().getByRole('button', { name: 'حفظ' }).click();
    const row = page.getByTestId('rule-row').filter({ hasText: RULE });
    await row.waitFor();
    expect(await row.textContent()).toContain('إيجار، سكن');
    expect(await row.textContent()).toContain(TEAM);
    await browser.shot(page, '01-routing-ar');
  });

  it('adds a holiday to the business calendar and shows it in Hijri beside Gregorian', async () => {
    await tab('أيام وساعات العمل');
    const card = page.getByTestId('calendar-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('Asia/Riyadh');
    await card.getByRole('button', { name: /^تعديل/ }).click();
    await dialog().getByRole('button', { name: 'إضافة عطلة' }).click();
    const added = dialog().getByTestId('holiday-row').last();
    await added.getByLabel('تاريخ العطلة').fill('2026-03-20');
    await added.getByLabel('اسم العطلة').fill('عيد الفطر');
    // The preview already shows the Hijri date: 20 March 2026 is 1 Shawwal 1447.
    await added.getByTestId('holiday-preview').filter({ hasText: 'شوال 1447' }).waitFor();
    await dialog().getByRole('button', { name: 'حفظ' }).click();
    const holiday = card.getByTestId('calendar-holiday').filter({ hasText: 'عيد الفطر' });
    await holiday.waitFor();
    const text = (await holiday.textContent())!;
    expect(text).toContain('1 شوال 1447');
    expect(text).toContain('20 مارس 2026');
    const [stored] = await db<{ holidays: { date: string; name: string }[] }>('SELECT holidays FROM business_calendars WHERE is_default');
    expect(stored!.holidays).toContainEqual({ date: '2026-03-20', name: 'عيد الفطر' });
    await browser.shot(page, '02-calendar-ar');
  });

  it('edits the Arabic acknowledgement text', async () => {
    await tab('نصوص الرسائل');
    const row = page.locator('[data-testid="template-row"][data-key="acknowledgement"][data-channel=""]');
    await row.waitFor();
    await row.getByRole('button', { name: 'تعديل نص acknowledgement باللغة العربية' }).click();
    await dialog().getByLabel('النص').fill(ACK);
    await dialog().getByText('المتغيرات: ticketNumber').waitFor();
    await dialog().getByRole('button', { name: 'حفظ' }).click();
    await row.locator('[data-testid="template-text"][data-language="ar"]').filter({ hasText: 'وصلتنا رسالتك' }).waitFor();
    // The English text is untouched.
    expect(await row.locator('[data-testid="template-text"][data-language="en"]').textContent()).toContain('Thank you for contacting');
  });

  it('shows each channel live or in sandbox', async () => {
    await tab('القنوات');
    const sms = page.locator('[data-testid="channel-status"][data-channel="sms"]');
    await sms.waitFor();
    // No Twilio credentials in the tests: SMS is recorded, not sent.
    expect(await sms.getAttribute('data-state')).toBe('sandbox');
    expect(await sms.textContent()).toContain('وضع التجربة');
    await browser.shot(page, '03-channels-ar');
  });

  it('routes an inbound SMS with the keyword to the new team, acknowledged with the edited text', async () => {
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const res = await fetch(`${env.baseUrl}/webhooks/twilio/messaging`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        MessageSid: sid,
        SmsSid: sid,
        From: '+966501112233',
        To: '+966110000000',
        // «ايجار» without the hamza still matches the keyword «إيجار».
        Body: 'السلام عليكم، متى يُصرف دعم الايجار لهذا الشهر؟',
        NumMedia: '0',
      }).toString(),
    });
    expect(res.status).toBe(200);
    const ticket = await waitFor('the ticket routed to the new team', async () => {
      const list = await admin.get<{ items: { id: string; number: string; team: { id: string } | null; category: { name: string } | null }[] }>(
        `/api/v1/tickets?teamId=${teamId}`,
      );
      return list.body.items[0] ?? null;
    });
    expect(ticket.category?.name).toBe(CATEGORY);
    const [ack] = await db<{ body: string }>(`SELECT body FROM messages WHERE ticket_id = $1 AND meta->>'kind' = 'acknowledgement'`, [ticket.id]);
    expect(ack!.body).toBe(ACK.replace('{{ticketNumber}}', ticket.number));
  });

  it('shows an officer their availability as stored, and keeps a change across reloads', async () => {
    const [officer] = await db<{ id: string }>('SELECT id FROM users WHERE email = $1', [OFFICER.email]);
    expect((await admin.patch(`/api/v1/users/${officer!.id}`, { availability: 'away' })).status).toBe(200);
    const officerPage = await browser.newPage(env.baseUrl);
    await signIn(officerPage, OFFICER);
    const availability = officerPage.getByTestId('availability');
    await officerPage.locator('[data-testid="availability"][data-availability="away"]').waitFor();
    expect(await availability.getAttribute('aria-label')).toContain('بعيد مؤقتًا');
    // Officers have no settings link.
    expect(await officerPage.getByRole('navigation').getByRole('link', { name: 'الإعدادات' }).count()).toBe(0);

    await availability.click();
    await officerPage.getByRole('menuitem', { name: 'متاح' }).click();
    await officerPage.locator('[data-testid="availability"][data-availability="available"]').waitFor();
    await officerPage.reload();
    await officerPage.locator('[data-testid="availability"][data-availability="available"]').waitFor();
    const [stored] = await db<{ availability: string }>('SELECT availability FROM users WHERE id = $1', [officer!.id]);
    expect(stored!.availability).toBe('available');
    await officerPage.context().close();
  });
});
