import { escapeHtml, letterHtml, letterParagraphs } from './letter';

const letter = {
  language: 'ar' as const,
  organisation: 'مكتب خدمة المستفيدين',
  reference: '1448-000123',
  date: '5 جمادى الآخرة 1448 هـ — 25 نوفمبر 2026',
  salutation: 'المكرم/ أحمد عبدالله',
  subject: 'طلب مساعدة إيجار',
  body: 'نفيدكم بأن طلبكم قيد الدراسة.\nسنبلغكم بالقرار.\n\nمع التحية <script>alert(1)</script>',
  closing: 'وتقبلوا خالص التحية والتقدير،',
  signatureName: 'سارة القحطاني',
  signatureTitle: 'علاقات المستفيدين',
  labels: { reference: 'الرقم', date: 'التاريخ', subject: 'الموضوع' },
};

describe('printed reply letter', () => {
  it('keeps paragraphs and line breaks, and escapes every piece of text', () => {
    expect(letterParagraphs('أ\nب\n\n\nج')).toEqual(['أ<br>ب', 'ج']);
    expect(escapeHtml(`<b>"x" & 'y'</b>`)).toBe('&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;');
  });

  it('lays out an Arabic letter right to left with the reference, both dates, subject and signature', () => {
    const html = letterHtml(letter);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<dd>1448-000123</dd>');
    expect(html).toContain('5 جمادى الآخرة 1448 هـ — 25 نوفمبر 2026');
    expect(html).toContain('الموضوع: طلب مساعدة إيجار');
    expect(html).toContain('<p>نفيدكم بأن طلبكم قيد الدراسة.<br>سنبلغكم بالقرار.</p>');
    expect(html).toContain('سارة القحطاني<br>علاقات المستفيدين');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is left to right for a contact who reads English', () => {
    expect(letterHtml({ ...letter, language: 'en' })).toContain('<html lang="en" dir="ltr">');
  });
});
