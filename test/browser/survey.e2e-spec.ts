import type { Page } from 'playwright-core';
import { ConsoleBrowser } from '../support/browser.js';
import { createStaff, type StaffAccount } from '../support/staff.js';
import { queryDatabase } from '../support/test-database.js';
import { TestEnvironment } from '../support/test-environment.js';

const TOKEN_IN_LINK = /\/s\/([A-Za-z0-9_-]{24})(?![A-Za-z0-9_/-])/;
const PHONE_VIEWPORT = { width: 390, height: 844 };

interface TicketJson {
  id: string;
  number: string;
  messages: { direction: string; body: string; deliveryStatus: string | null }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the satisfaction survey in a browser (Arabic first, right to left, on a phone)', () => {
  const env = new TestEnvironment({ SURVEY_DELAY_SECONDS: '0' });
  const browser = new ConsoleBrowser('survey-');
  let page: Page;
  let officer: StaffAccount;

  const shot = (name: string) => browser.shot(page, name);
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => queryDatabase<T>(env.config.DATABASE_URL, sql, params);

  /** A phone ticket resolved by the officer; returns its number and the token of the survey link sent by SMS. */
  async function surveyedTicket(name: string, phone: string): Promise<{ id: string; number: string; token: string }> {
    const opened = await officer.http.post<TicketJson>('/api/v1/tickets', {
      channel: 'phone',
      subject: 'استفسار',
      body: 'اتصل يسأل',
      contact: { name, phone },
    });
    expect(opened.status).toBe(201);
    expect((await officer.http.post(`/api/v1/tickets/${opened.body.id}/resolve`, {})).status).toBe(201);
    const until = Date.now() + 15_000;
    for (;;) {
      const ticket = (await officer.http.get<TicketJson>(`/api/v1/tickets/${opened.body.id}`)).body;
      const message = ticket.messages.find((m) => m.direction === 'outbound' && TOKEN_IN_LINK.test(m.body) && m.deliveryStatus === 'sent');
      if (message) return { id: ticket.id, number: ticket.number, token: TOKEN_IN_LINK.exec(message.body)![1]! };
      if (Date.now() > until) throw new Error(`no survey invitation for ticket ${ticket.number}`);
      await sleep(100);
    }
  }

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { tag: el?.tagName.toLowerCase(), type: el?.type, name: el?.name, value: el?.value, checked: el?.checked };
    });

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    officer = await createStaff(env, 'officer', 'سارة القحطاني');
    await browser.launch();
    page = await browser.newPage(env.baseUrl, { viewport: PHONE_VIEWPORT, timeout: 10_000, isMobile: true, hasTouch: true });
  });

  afterAll(async () => {
    await browser.close();
    await env.teardown();
  });

  // An uncaught error in the page fails the step that caused it.
  afterEach(() => expect(browser.takePageErrors()).toEqual([]));

  describe('answering', () => {
    let survey: { id: string; number: string; token: string };

    beforeAll(async () => {
      survey = await surveyedTicket('منيرة العتيبي', '0501234567');
    });

    it('opens the link in Arabic, right to left, without sign-in; opening it records nothing', async () => {
      await page.goto(`/s/${survey.token}`);
      await page.getByRole('heading', { level: 1, name: 'رأيك يهمنا' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/s/${survey.token}`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.getByText(survey.number).isVisible()).toBe(true);
      // Real, labelled radio groups.
      const overall = page.getByRole('group', { name: /ما مدى رضاك عن الخدمة بشكل عام/ });
      expect(await overall.getByRole('radio').count()).toBe(5);
      expect(await overall.getByRole('radio', { name: '5 راضٍ جدًا' }).isVisible()).toBe(true);
      expect(await page.getByRole('group', { name: 'هل حُلّت المسألة التي تواصلت بشأنها؟' }).getByRole('radio').count()).toBe(2);
      expect(await page.getByLabel('هل لديك ملاحظة أو اقتراح؟ (اختياري)').isVisible()).toBe(true);
      // Mobile first: nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      await shot('01-opened');
      expect(await db('SELECT id FROM survey_responses WHERE ticket_id = $1', [survey.id])).toEqual([]);
    });

    it('says what is missing when sent without a score, and moves the focus to it', async () => {
      await page.getByRole('button', { name: 'إرسال التقييم' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('اختر درجة رضاك عن الخدمة قبل الإرسال.').waitFor();
      expect(await focused()).toMatchObject({ tag: 'input', type: 'radio', name: 'score', value: '1', checked: false });
      expect(await page.getByRole('group', { name: /ما مدى رضاك/ }).getAttribute('aria-invalid')).toBe('true');
      await shot('02-score-missing');
      expect(await db('SELECT id FROM survey_responses WHERE ticket_id = $1', [survey.id])).toEqual([]);
    });

    it('is answered with the keyboard alone: arrows choose, Tab moves on, the focus is visible; Enter sends', async () => {
      // Overall: Space chooses 1, three arrows move to 4.
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      expect(await focused()).toMatchObject({ name: 'score', value: '4', checked: true });
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle);
      expect(outline).toBe('solid');
      // Speed: 5. Courtesy: 4. Resolved: yes.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      expect(await focused()).toMatchObject({ name: 'speed', value: '5', checked: true });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      expect(await focused()).toMatchObject({ name: 'courtesy', value: '4', checked: true });
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      expect(await focused()).toMatchObject({ name: 'resolved', value: 'true', checked: true });
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ tag: 'textarea', name: 'comment' });
      await page.keyboard.type('شكرًا لكم على حسن التعامل');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('إرسال التقييم');
      await shot('03-filled');
      await page.keyboard.press('Enter');

      const thanks = page.getByRole('heading', { name: 'شكرًا لك' });
      await thanks.waitFor();
      expect(await thanks.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.getByText('وصلنا تقييمك، وسنستفيد منه في تحسين خدماتنا.').isVisible()).toBe(true);
      await shot('04-thank-you');
      expect(await db('SELECT score, answers, comment FROM survey_responses WHERE ticket_id = $1', [survey.id])).toEqual([
        { score: 4, answers: { speed: 5, courtesy: 4, resolved: true }, comment: 'شكرًا لكم على حسن التعامل' },
      ]);
    });

    it('shows "already answered" when the link is opened again', async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'تم استلام تقييمك مسبقًا' }).waitFor();
      expect(await page.getByRole('radio').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'إرسال التقييم' }).count()).toBe(0);
      await shot('05-already-answered');
      expect((await db('SELECT id FROM survey_responses WHERE ticket_id = $1', [survey.id])).length).toBe(1);
    });
  });

  describe('the other states', () => {
    it('says plainly when a link has expired or is not known', async () => {
      const expiring = await surveyedTicket('فهد الشمري', '0551112233');
      await db("UPDATE survey_invitations SET expires_at = now() - interval '1 minute' WHERE ticket_id = $1", [expiring.id]);
      await page.goto(`/s/${expiring.token}`);
      await page.getByRole('heading', { name: 'انتهت صلاحية الرابط' }).waitFor();
      await shot('06-expired');
      await page.goto('/s/AAAAAAAAAAAAAAAAAAAAAAAA');
      await page.getByRole('heading', { name: 'الرابط غير صحيح' }).waitFor();
      await shot('07-unknown');
    });

    it('stops survey messages only when the contact confirms', async () => {
      const survey = await surveyedTicket('نورة الدوسري', '0561234567');
      await page.goto(`/s/${survey.token}`);
      await page.getByRole('link', { name: 'لا أرغب في تلقي رسائل التقييم' }).click();
      await page.getByRole('heading', { level: 1, name: 'إيقاف رسائل التقييم' }).waitFor();
      const optedOut = () =>
        db<{ survey_opt_out: boolean }>('SELECT c.survey_opt_out FROM contacts c JOIN tickets t ON t.contact_id = c.id WHERE t.id = $1', [survey.id]);
      expect(await optedOut()).toEqual([{ survey_opt_out: false }]);
      await page.getByRole('button', { name: 'أوقف رسائل التقييم' }).click();
      await page.getByText('تم. لن نرسل إليك رسائل تقييم بعد الآن.').waitFor();
      await shot('08-opted-out');
      expect(await optedOut()).toEqual([{ survey_opt_out: true }]);
    });

    it('switches to English, left to right', async () => {
      const survey = await surveyedTicket('Sarah Khan', '0571234567');
      await page.goto(`/s/${survey.token}`);
      await page.getByRole('heading', { level: 1, name: 'رأيك يهمنا' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.dir === 'ltr');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('heading', { level: 1, name: 'Your opinion matters' }).waitFor();
      expect(
        await page
          .getByRole('group', { name: /Overall, how satisfied/ })
          .getByRole('radio', { name: '5 Very satisfied' })
          .isVisible(),
      ).toBe(true);
      expect(await page.getByRole('group', { name: 'Was your matter resolved?' }).isVisible()).toBe(true);
      await page.getByRole('radio', { name: '2 Dissatisfied' }).first().check();
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await page.getByRole('heading', { name: 'Thank you' }).waitFor();
      await shot('09-english');
    });
  });
});
