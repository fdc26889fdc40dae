/**
 * A reply to a postal letter is printed and posted by the officer. The console lays it out as a
 * formal letter (letterhead, reference, Hijri and Gregorian date, recipient, subject, text, closing,
 * signature) in a printable A4 page; the browser's print dialog turns it into the PDF or the paper.
 * The browser shapes the Arabic, which a server-side PDF library would not do reliably.
 */
export interface LetterContent {
  language: 'ar' | 'en';
  organisation: string;
  reference: string;
  /** Already formatted: Hijri beside Gregorian. */
  date: string;
  salutation: string;
  subject: string;
  body: string;
  closing: string;
  signatureName: string;
  signatureTitle: string;
  labels: { reference: string; date: string; subject: string };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/** Paragraphs at blank lines, line breaks kept inside them; every piece of text escaped. */
export function letterParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('\n').map(escapeHtml).join('<br>'));
}

/** The whole printable page (for an iframe's srcdoc). */
export function letterHtml(letter: LetterContent): string {
  const dir = letter.language === 'ar' ? 'rtl' : 'ltr';
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${letter.language}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>${e(letter.reference)}</title>
<style>
  @page { size: A4; margin: 22mm 20mm; }
  body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif; font-size: 13pt; line-height: 1.8; color: #111; margin: 0; }
  header { border-bottom: 2px solid #1b5e20; padding-bottom: 8px; margin-bottom: 18px; }
  header h1 { font-size: 17pt; margin: 0; color: #1b5e20; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 18px; font-size: 11pt; }
  dl.meta dt { font-weight: bold; }
  dl.meta dd { margin: 0; unicode-bidi: plaintext; text-align: start; }
  html[dir='rtl'] dl.meta dd { text-align: right; }
  .subject { font-weight: bold; margin: 14px 0; }
  p { margin: 0 0 10px; unicode-bidi: plaintext; }
  .signature { margin-top: 36px; }
</style>
</head>
<body>
<header><h1>${e(letter.organisation)}</h1></header>
<dl class="meta">
  <dt>${e(letter.labels.reference)}</dt><dd>${e(letter.reference)}</dd>
  <dt>${e(letter.labels.date)}</dt><dd>${e(letter.date)}</dd>
</dl>
<p>${e(letter.salutation)}</p>
<p class="subject">${e(letter.labels.subject)}: ${e(letter.subject)}</p>
${letterParagraphs(letter.body)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
<p>${e(letter.closing)}</p>
<div class="signature"><p>${e(letter.signatureName)}<br>${e(letter.signatureTitle)}</p></div>
</body>
</html>`;
}
