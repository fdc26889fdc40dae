import type { Page } from 'playwright-core';
import { DeclarationCodeOutbox } from '@app/help-requests';
import { UsersService } from '@app/users';
import { ConsoleBrowser, signIn } from '../support/browser.js';
import { queryDatabase } from '../support/test-database.js';
import { TestEnvironment } from '../support/test-environment.js';

const OFFICER = { name: 'ريم بنت خالد العنزي', email: 'reem.officer@example.org', password: 'officer-password-1' };
const MEMBER = { name: 'عبدالله بن سعد الحربي', email: 'abdullah.committee@example.org', password: 'committee-password-1' };
const APPLICANT = { name: 'هيلة بنت ناصر القحطاني', phone: '0551234567', nationalId: '1012345672', badNationalId: '1012345678' };
const FUTURE = '2031-06-30';

describe('help requests in the console (Arabic first): intake wizard to the committee’s decision', () => {
  const env = new TestEnvironment();
  const browser = new ConsoleBrowser('help-requests-');
  let officer: Page;
  let member: Page;
  let helpRequestId = '';
  let ticketNumber = '';

  async function upload(documentType: string, expiresOn?: string): Promise<void> {
    const before = await officer.getByTestId('uploaded-document').count();
    await officer.getByTestId('document-type').selectOption(documentType);
    await officer
      .locator('input[type="file"]')
      .setInputFiles({ name: `${documentType}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${documentType}`) });
    if (expiresOn) await officer.getByTestId('document-expires-on').fill(expiresOn);
    await officer.getByRole('button', { name: 'رفع', exact: true }).click();
    await officer.waitForFunction((n) => document.querySelectorAll('[data-testid="uploaded-document"]').length === n, before + 1);
  }

  beforeAll(async () => {
    await env.setup();
    await env.startApi();
    await env.startWorker();
    const users = env.api!.get(UsersService);
    await users.create({ ...OFFICER, role: 'officer' }, { id: null });
    await users.create({ ...MEMBER, role: 'committee' }, { id: null });
    await browser.launch();
    officer = await browser.newPage(env.baseUrl);
    member = await browser.newPage(env.baseUrl);
  });

  afterAll(async () => {
    await browser.close();
    await env.teardown();
  });

  afterEach(() => expect(browser.takePageErrors()).toEqual([]));

  it('opens a new application from the help-request list, right to left, starting with the service', async () => {
    await signIn(officer, OFFICER);
    expect(await officer.locator('html').getAttribute('dir')).toBe('rtl');
    await officer.getByRole('link', { name: 'طلبات المساعدة' }).click();
    await officer.getByRole('heading', { level: 1, name: 'طلبات المساعدة' }).waitFor();
    await officer.getByTestId('help-requests-empty').waitFor();
    await officer.getByTestId('new-help-request').click();
    await officer.waitForURL(/\/help-requests\/new/);

    // Right to left: the first step of the stepper sits at the right, the hand-off at the left.
    const first = await officer.locator('[data-step="service"]').first().boundingBox();
    const last = await officer.locator('[data-step="handoff"]').first().boundingBox();
    expect(first!.x).toBeGreaterThan(last!.x);

    await officer.getByTestId('service-type').selectOption('food_basket');
    await officer.getByLabel('وصف الحالة').fill('أسرة من أربعة أفراد، الدخل لا يكفي للاحتياجات الغذائية');
    await officer.locator('[data-field="monthlyIncome"]').fill('١٨٠٠');
    await officer.locator('[data-field="incomeSource"]').selectOption({ index: 1 });
    await officer.locator('[data-field="district"]').fill('النسيم');
    await officer.getByRole('button', { name: 'التالي' }).click();
    await officer.locator('[data-testid="intake-wizard"][data-active-step="applicant"]').waitFor();
  });

  it('refuses a national ID whose check digit is wrong before saving, then creates the request', async () => {
    await officer.getByLabel('اسم المتقدم').fill(APPLICANT.name);
    await officer.getByLabel('رقم الجوال').fill(APPLICANT.phone);
    const id = officer.getByTestId('applicant-national-id');
    await id.fill(APPLICANT.badNationalId);
    await id.blur();
    await officer.getByText('رقم الهوية غير صحيح (خانة التحقق لا تطابق).').waitFor();
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    await browser.shot(officer, '01-bad-national-id');
    await officer.getByRole('button', { name: 'حفظ والمتابعة' }).click();
    expect(officer.url()).toMatch(/\/help-requests\/new/); // nothing sent

    await id.fill(APPLICANT.nationalId);
    await officer.getByRole('button', { name: 'إضافة فرد' }).click();
    const memberRow = officer.getByTestId('household-member').first();
    await memberRow.getByLabel('الاسم').fill('نوف');
    await memberRow.getByLabel('صلة القرابة').selectOption('daughter');
    await memberRow.getByLabel('تاريخ الميلاد').fill('2014-05-10');
    await officer.getByRole('button', { name: 'حفظ والمتابعة' }).click();
    await officer.waitForURL(/\/help-requests\/[0-9a-f-]{36}\?step=documents$/);
    helpRequestId = /help-requests\/([0-9a-f-]{36})/.exec(officer.url())![1]!;
    const title = officer.getByRole('heading', { level: 1 }).filter({ hasText: /14\d\d-\d{6}/ });
    await title.waitFor();
    ticketNumber = /14\d\d-\d{6}/.exec((await title.textContent())!)![0];
  });

  it('uploads the documents with an expiry date, and resumes the draft on reload', async () => {
    await officer.getByTestId('missing-list').waitFor();
    await upload('national_id_copy', FUTURE);
    await upload('family_record');
    await officer.reload();
    await officer.locator('[data-testid="intake-wizard"][data-active-step="documents"]').waitFor();
    expect(await officer.getByTestId('uploaded-document').count()).toBe(2);
    await upload('income_proof');
    expect(await officer.getByTestId('missing-list').count()).toBe(0);
  });

  it('shows what the api’s 422 says is missing when handing off too early', async () => {
    await officer.locator('.mantine-Stepper-step[data-step="handoff"]').click();
    await officer.getByTestId('handoff').click();
    const list = officer.getByTestId('missing-list');
    await list.waitFor();
    expect(await list.locator('[data-code="document_unverified"]').count()).toBe(3);
    expect(await list.locator('[data-code="declaration_missing"]').count()).toBe(1);
    await browser.shot(officer, '02-handoff-refused');
    // Each item leads to the step that fixes it.
    await list.locator('[data-code="document_unverified"]').first().getByRole('button').click();
    await officer.locator('[data-testid="intake-wizard"][data-active-step="verification"]').waitFor();
  });

  it('verifies each document, signs the declaration with the code sent to the applicant, and hands off', async () => {
    for (let i = 0; i < 3; i++) {
      const card = officer.locator('[data-testid="verify-document"][data-verified="none"]').first();
      await card.getByRole('button', { name: 'تسجيل' }).click();
      await officer.waitForFunction((n) => document.querySelectorAll('[data-testid="verify-document"][data-verified="matches"]').length === n, i + 1);
    }
    await officer.getByRole('button', { name: 'التالي' }).click();
    await officer.getByTestId('send-code').click();
    await officer.getByTestId('code-sent').waitFor();
    const [sent] = await queryDatabase<{ id: string }>(
      env.config.DATABASE_URL,
      'SELECT id FROM declaration_codes WHERE help_request_id = $1 ORDER BY created_at DESC LIMIT 1',
      [helpRequestId],
    );
    const code = (await env.api!.get(DeclarationCodeOutbox).peek(sent!.id)) as string;
    await officer.getByTestId('declaration-code').fill(code);
    await officer.getByRole('button', { name: 'تأكيد الإقرار' }).click();
    await officer.locator('[data-testid="intake-wizard"][data-active-step="handoff"]').waitFor();
    await officer.getByText('الطلب مكتمل ومُطابق وموقّع، وجاهز للإحالة إلى لجنة البحث.').waitFor();
    await officer.getByTestId('handoff').click();
    const done = officer.getByTestId('handoff-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('موعد القرار المتوقع');
    expect(await officer.getByTestId('help-request-status').textContent()).toBe('لدى لجنة البحث');
    await browser.shot(officer, '03-handed-off');
  });

  it('shows the case to the committee in its column; a rejection needs a reason, then the card moves to decided', async () => {
    await signIn(member, MEMBER);
    await member.getByRole('link', { name: 'لجنة البحث' }).click();
    await member.getByRole('heading', { level: 1, name: 'لوحة لجنة البحث' }).waitFor();
    // The worker places the card on the board just after the hand-off.
    const card = member.locator(`[data-testid="board-column"][data-stage="new"] [data-testid="board-card"][data-ticket-number="${ticketNumber}"]`);
    for (let i = 0; i < 30 && (await card.count()) === 0; i++) {
      await member.waitForTimeout(500);
      await member.reload();
      await member.getByRole('heading', { level: 1, name: 'لوحة لجنة البحث' }).waitFor();
    }
    await card.waitFor();
    expect(await card.textContent()).toContain(APPLICANT.name);
    await browser.shot(member, '04-board');

    await card.getByRole('link', { name: ticketNumber }).click();
    await member.getByTestId('decision-form').waitFor();
    expect(await member.getByTestId('case-document').count()).toBe(3);
    await member.getByText('رفض', { exact: true }).click();
    await member.getByRole('button', { name: 'تسجيل القرار' }).click();
    await member.getByText(/reason is required/).waitFor();

    await member.getByTestId('decision-reason').fill('الدخل الشهري للأسرة أعلى من حد الاستحقاق');
    await member.getByRole('button', { name: 'تسجيل القرار' }).click();
    await member.locator('[data-testid="decision"][data-outcome="rejected"]').waitFor();
    expect(await member.getByTestId('case-status').textContent()).toBe('صدر القرار');
    expect(await member.getByTestId('decisions').textContent()).toContain('الدخل الشهري للأسرة أعلى من حد الاستحقاق');

    await member.getByRole('link', { name: 'العودة إلى اللوحة' }).click();
    await member.locator(`[data-testid="board-column"][data-stage="decided"] [data-ticket-number="${ticketNumber}"]`).waitFor();
    expect(await member.locator(`[data-testid="board-column"][data-stage="new"] [data-ticket-number="${ticketNumber}"]`).count()).toBe(0);
    await browser.shot(member, '05-decided');
  });
});
