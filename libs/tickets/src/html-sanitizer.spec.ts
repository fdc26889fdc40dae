import { sanitizeMessageHtml } from './html-sanitizer.js';

describe('sanitizeMessageHtml', () => {
  it('removes scripts, handlers and javascript: links but keeps Arabic text and structure', () => {
    const out = sanitizeMessageHtml(
      '<p dir="rtl" onclick="x()">السلام <b>عليكم</b></p><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="https://evil/x.png">',
    );
    expect(out).toContain('<p dir="rtl">السلام <b>عليكم</b></p>');
    expect(out).not.toMatch(/script|onclick|javascript/);
    expect(out).not.toContain('https://evil');
  });

  it('keeps safe links with rel noopener', () => {
    expect(sanitizeMessageHtml('<a href="https://example.org">موقع</a>')).toBe(
      '<a href="https://example.org" rel="noopener noreferrer nofollow" target="_blank">موقع</a>',
    );
  });
});
