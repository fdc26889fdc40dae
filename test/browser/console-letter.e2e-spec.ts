import type { Page } from 'playwright-core';
import { UsersService } from '@app/users';
import { ConsoleBrowser, signIn } from '../support/browser.js';
import { HttpClient } from '../support/http-client.js';
import { TestEnvironment } from '../support/test-environment.js';

const OFFICER = { name: 'سارة القحطاني', email: 'sara.letters@example.org', password: 'officer-password-1' };

describe('answering a postal letter in the console: the printed letter, then the reply recorded', () => {
  const env = new TestEnvironment();
  const browser = new ConsoleBrowser('letter-');
  let page: Page;
  let ticket: { id: string; number: string };

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    await env.api!.get(UsersService).create({ ...OFFICER, role: 'officer' }, { id: null });
    const officer = await new HttpClient(env.baseUrl).login(OFFICER.email, OFFICER.password);
    const opened = await officer.post<{ id: string; number: string }>('/api/v1/tickets', {
      channel: 'letter',
      subject: 'طلب مساعدة في الإيجار',
      body: 'ورد خطاب بريدي يطلب فيه المستفيد المساعدة في سداد الإيجار.',
      contact: { name: 'أحمد عبدالله الزهراني', phone: '0551239876' },
    });
    expect(opened.status).toBe(201);
    ticket = opened.body;
    await browser.launch();
    page = await browser.newPage(env.baseUrl);
  });

  afterAll(async () => {
    await browser.close();
    await env.teardown();
  });

  afterEach(() => expect(browser.takePageErrors()).toEqual([]));

  it('previews the reply as a right-to-left letter with the reference, both dates and the text', async () => {
    await signIn(page, OFFICER);
    await page.goto(`/tickets/${ticket.id}`);
    const open = page.getByTestId('letter-preview-open');
    await open.waitFor();
    expect(await open.isDisabled()).toBe(true); // nothing to print yet
    await page.getByTestId('reply-text').fill('نفيدكم بأن طلبكم أُحيل إلى لجنة البحث الاجتماعي.\n\nوسنبلغكم بقرارها.');
    await open.click();
    const letter = page.frameLocator('[data-testid="letter-frame"]');
    await letter.locator('h1').waitFor();
    expect(await letter.locator('html').getAttribute('dir')).toBe('rtl');
    const text = await letter.locator('body').innerText();
    expect(text).toContain(ticket.number);
    expect(text).toContain('المكرم/ة أحمد عبدالله الزهراني');
    expect(text).toContain('الموضوع: طلب مساعدة في الإيجار');
    expect(text).toContain('أُحيل إلى لجنة البحث الاجتماعي');
    expect(text).toMatch(/هـ — /); // Hijri, then Gregorian
    expect(text).toContain(OFFICER.name);
    expect(await letter.locator('p').filter({ hasText: 'وسنبلغكم بقرارها' }).count()).toBe(1); // its own paragraph
    await browser.shot(page, 'preview');
    await page.getByTestId('letter-preview').getByRole('button', { name: 'إغلاق' }).click();
  });

  it('records the reply on the ticket as handed over', async () => {
    await page.getByTestId('send-message').click();
    const outbound = page.locator('[data-testid="timeline-message"][data-direction="outbound"]').filter({ hasText: 'أُحيل إلى لجنة البحث' });
    await outbound.locator('[data-testid="delivery-status"][data-delivery="sent"]').waitFor({ timeout: 20_000 });
  });
});
