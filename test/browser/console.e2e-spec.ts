import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AuditService } from '@app/audit';
import { UsersService } from '@app/users';
import { ConsoleBrowser, submitSignIn } from '../support/browser.js';
import { HttpClient } from '../support/http-client.js';
import { TestEnvironment } from '../support/test-environment.js';

// A long Arabic name: the header must not break with it.
const ADMIN = { name: 'عبدالرحمن بن عبدالعزيز بن محمد آل عبدالله القحطاني', email: 'admin@example.org', password: 'admin-password-123' };
const OFFICER = { name: 'نورة بنت سعد العتيبي', email: 'noura.officer@example.org', password: 'officer-password-1' };

describe('the web console in a browser (Arabic first, right to left)', () => {
  const env = new TestEnvironment();
  const browser = new ConsoleBrowser('');
  let page: Page;
  let http: HttpClient;

  const shot = (name: string) => browser.shot(page, name);

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    http = new HttpClient(env.baseUrl);
    await env.api!.get(UsersService).create({ name: ADMIN.name, email: ADMIN.email, password: ADMIN.password, role: 'admin' }, { id: null });
    await browser.launch();
    page = await browser.newPage(env.baseUrl, { viewport: { width: 1280, height: 800 }, timeout: 10_000 });
  });

  afterAll(async () => {
    await browser.close();
    await env.teardown();
  });

  // An uncaught error in the page fails the step that caused it.
  afterEach(() => expect(browser.takePageErrors()).toEqual([]));

  it('is served by the api: index.html for console routes, long-cached assets, never for /api, /webhooks or /health', async () => {
    for (const path of ['/', '/users?dialog=new', '/audit']) {
      const res = await fetch(`${env.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await res.text()).toContain('<html lang="ar" dir="rtl">');
    }
    const html = await (await fetch(`${env.baseUrl}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${env.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);

    const missingAsset = await fetch(`${env.baseUrl}/assets/missing-0000.js`);
    expect(missingAsset.status).toBe(404);
    for (const path of ['/api/v1/nothing', '/webhooks/nothing', '/health/nothing']) {
      const res = await fetch(`${env.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    expect((await fetch(`${env.baseUrl}/health`)).status).toBe(200);
  });

  it('opens on the Arabic, right-to-left sign-in page with labelled fields', async () => {
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('تسجيل الدخول');
    // Labels are real labels: the inputs are found by their Arabic label text.
    expect(await page.getByLabel('البريد الإلكتروني').getAttribute('type')).toBe('email');
    expect(await page.getByLabel('كلمة المرور').getAttribute('type')).toBe('password');
    await shot('01-sign-in');
  });

  it("shows the api's error for a wrong password", async () => {
    await submitSignIn(page, { email: ADMIN.email, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('e-mail or password is incorrect');
    expect(await alert.textContent()).toContain('البريد الإلكتروني أو كلمة المرور غير صحيحة');
    expect(page.url()).toContain('/sign-in');
    await shot('02-wrong-password');
  });

  it("signs in as the admin: the shell shows the admin's Arabic name and the (empty) shared queue", async () => {
    await submitSignIn(page, ADMIN);
    await page.waitForURL(/\/queue$/);
    await page.getByRole('heading', { level: 1, name: 'قائمة التذاكر' }).waitFor();
    expect(await page.getByTestId('current-user-name').textContent()).toBe(ADMIN.name);
    await page.getByTestId('queue-empty').waitFor();
    expect(await page.getByText('لا توجد تذاكر في هذا العرض.').isVisible()).toBe(true);
    // Admins see the supervisor dashboard too.
    expect(await page.getByRole('navigation').getByRole('link', { name: 'لوحة المشرف' }).isVisible()).toBe(true);
    // Admin screens are in the navigation; the long name did not push the sign-out button off screen.
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'المستخدمون' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'سجل التدقيق' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'تسجيل الخروج' }).isVisible()).toBe(true);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(1280);
    await shot('03-shell');
  });

  it('creates an officer through the Users form', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'المستخدمون' }).click();
    await page.getByRole('heading', { level: 1, name: 'المستخدمون' }).waitFor();
    await page.getByRole('button', { name: 'إضافة مستخدم' }).click();
    const dialog = page.getByRole('dialog', { name: 'مستخدم جديد' });
    await dialog.waitFor();
    await dialog.getByLabel('الاسم').fill(OFFICER.name);
    await dialog.getByLabel('البريد الإلكتروني').fill(OFFICER.email);
    await dialog.getByLabel('كلمة المرور').fill(OFFICER.password);
    await dialog.getByLabel('الدور').selectOption('officer');
    await shot('04-create-user-form');
    await dialog.getByRole('button', { name: 'حفظ' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`تمت إضافة المستخدم ${OFFICER.name}.`).waitFor();
    await page.getByRole('rowheader', { name: OFFICER.name }).waitFor();
    await shot('05-user-created');

    const admin = await http.login(ADMIN.email, ADMIN.password);
    const officers = await admin.get<{ items: { name: string; email: string; role: string; active: boolean }[] }>('/api/v1/users?role=officer');
    expect(officers.body.items).toEqual([expect.objectContaining({ name: OFFICER.name, email: OFFICER.email, role: 'officer', active: true })]);
    expect((await http.post('/api/v1/auth/login', { email: OFFICER.email, password: OFFICER.password })).status).toBe(200);
  });

  it('sends an expired session to sign-in and back to the same form, with the typed text kept', async () => {
    await page.getByRole('button', { name: 'إضافة مستخدم' }).click();
    const dialog = page.getByRole('dialog', { name: 'مستخدم جديد' });
    await dialog.getByLabel('الاسم').fill('مسودة لم تُرسل');
    await dialog.getByLabel('البريد الإلكتروني').fill('draft@example.org');
    await dialog.getByLabel('كلمة المرور').fill('draft-password-1');

    // The session ends on the server (as after the idle timeout): the browser's cookie stops working.
    const cookie = (await page.context().cookies()).find((c) => c.name === 'hd_access');
    expect(cookie).toBeDefined();
    expect((await http.post('/api/v1/auth/logout', undefined, { cookie: `hd_access=${cookie!.value}` })).status).toBe(204);

    await dialog.getByRole('button', { name: 'حفظ' }).click();
    await page.waitForURL(/\/sign-in\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('next')).toBe('/users?dialog=new');
    await page.getByText('انتهت جلستك').waitFor();
    await shot('06-session-expired');

    await submitSignIn(page, ADMIN);
    await page.waitForURL(/\/users\?dialog=new$/);
    const restored = page.getByRole('dialog', { name: 'مستخدم جديد' });
    expect(await restored.getByLabel('الاسم').inputValue()).toBe('مسودة لم تُرسل');
    expect(await restored.getByLabel('البريد الإلكتروني').inputValue()).toBe('draft@example.org');
    expect(await restored.getByLabel('كلمة المرور').inputValue()).toBe(''); // passwords are never stored
    expect(await restored.getByText('استُعيدت مسودة لم تُحفظ.').isVisible()).toBe(true);
    await restored.getByRole('button', { name: 'إلغاء' }).first().click();
    await restored.waitFor({ state: 'detached' });
  });

  it('switches to English (left to right) and keeps it after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Filter by role').isVisible()).toBe(true);
    await shot('07-english');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'العربية' }).isVisible()).toBe(true);
    await shot('08-english-after-reload');
  });

  it('pages through the audit log with "load more"', async () => {
    // More entries than one page (the console asks for 50 at a time).
    const audit = env.api!.get(AuditService);
    for (let i = 0; i < 60; i++) await audit.record({ actorId: null, action: 'test.bulk', entityType: 'test', entityId: String(i) });
    const admin = await http.login(ADMIN.email, ADMIN.password);
    const total = (await admin.get<{ items: unknown[] }>('/api/v1/audit?limit=200')).body.items.length;
    expect(total).toBeGreaterThan(60);

    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    // Hijri beside Gregorian, in Riyadh time.
    expect(await page.locator('time.dual-date').first().textContent()).toMatch(/AH/);
    await shot('09-audit');

    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('End of the log.').waitFor();
    expect(await rows.count()).toBe(total);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  });
});

describe('the api without a built console', () => {
  const env = new TestEnvironment({ WEB_CONSOLE_DIR: join(tmpdir(), 'helpdesk-no-console-here') });

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
  });
  afterAll(() => env.teardown());

  it('still starts and serves the api; the console routes are plain 404s', async () => {
    expect((await fetch(`${env.baseUrl}/health`)).status).toBe(200);
    const res = await fetch(`${env.baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: 404 });
  });
});
