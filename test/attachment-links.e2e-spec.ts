import { TwilioFake } from './support/fakes/twilio-fake.js';
import { createStaff } from './support/staff.js';
import { TestEnvironment } from './support/test-environment.js';
import { waitFor } from './support/wait-for.js';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'twilio-test-auth-token-0123456789';

describe('files sent to a contact by SMS', () => {
  const fake = new TwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
  let env: TestEnvironment;

  beforeAll(async () => {
    await fake.start();
    env = new TestEnvironment({
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_SMS_FROM: '+966511000111',
      TWILIO_API_BASE_URL: fake.url,
    });
    await env.setup();
    await env.startApi();
    // Links in the SMS must point at this api, so its address is the public one.
    env.config.PUBLIC_BASE_URL = env.baseUrl;
    await env.startWorker();
  });
  afterAll(async () => {
    await env.teardown();
    await fake.stop();
  });

  it('carry a signed link the contact can open, and only that file', async () => {
    const officer = await createStaff(env, 'officer', 'سارة');
    const ticket = await officer.http.post<{ id: string }>('/api/v1/tickets', {
      channel: 'phone',
      subject: 'طلب نموذج',
      body: 'يطلب النموذج',
      contact: { name: 'منيرة', phone: '0501112233' },
    });
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 نموذج')], { type: 'application/pdf' }), 'نموذج الطلب.pdf');
    const upload = await fetch(`${env.baseUrl}/api/v1/tickets/${ticket.body.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer.token}` },
      body: form,
    });
    const attachment = (await upload.json()) as { id: string };
    await officer.http.post(`/api/v1/tickets/${ticket.body.id}/messages`, { kind: 'reply', body: 'مرفق النموذج', attachmentIds: [attachment.id] });

    const sms = await waitFor('the SMS at Twilio', () => fake.sent().find((r) => String(r.form.Body).includes('مرفق النموذج')));
    const link = /https?:\/\/\S+\/api\/v1\/public\/attachments\/\S+/.exec(String(sms.form.Body))?.[0];
    expect(link).toBeDefined();
    const opened = await fetch(link!);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-disposition')).toContain(encodeURIComponent('نموذج الطلب.pdf'));
    expect(Buffer.from(await opened.arrayBuffer()).toString()).toBe('%PDF-1.4 نموذج');

    const forged = link!.replace(/signature=[\w-]+/, `signature=${'A'.repeat(43)}`);
    expect((await fetch(forged)).status).toBe(403);
    const stretched = link!.replace(/expires=\d+/, (m) => `expires=${Number(m.split('=')[1]) + 86400}`);
    expect((await fetch(stretched)).status).toBe(403);
    expect((await fetch(link!.split('?')[0])).status).toBe(400);
  });
});
