import { sanitizeFilename } from './attachment-store.service.js';

describe('sanitizeFilename', () => {
  it.each([
    ['صورة الهوية.pdf', 'صورة الهوية.pdf'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['a\u202Efdp.exe', 'afdp.exe'],
    ['', 'attachment'],
    ['...', 'attachment'],
    ['C:\\docs\\lease.pdf', 'C__docs_lease.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFilename(input)).toBe(expected);
  });
});
