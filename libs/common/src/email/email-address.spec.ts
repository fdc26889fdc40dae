import { normalizeEmailAddress } from './email-address.js';

describe('normalizeEmailAddress', () => {
  it.each([
    ['plain', 'ali@x.org', 'ali@x.org'],
    ['trim and lower-case', '  Ali.Hassan@Example.ORG \n', 'ali.hassan@example.org'],
    ['angle brackets', '<ali@x.org>', 'ali@x.org'],
    ['quoted display name', '"Ali" <ali@x.org>', 'ali@x.org'],
    ['bare display name', 'Ali Hassan <Ali@X.org>', 'ali@x.org'],
    ['Arabic display name', '"علي الحسن" <ali@x.org>', 'ali@x.org'],
    ['display name containing an address', '"ali@old.org" <ali@new.org>', 'ali@new.org'],
    ['display name containing brackets in quotes', '"Ali <Support>" <ali@x.org>', 'ali@x.org'],
    ['spaces inside brackets', '< ali@x.org >', 'ali@x.org'],
    ['mailto prefix', 'mailto:Ali@X.org', 'ali@x.org'],
    ['bidi marks from an RTL UI', '\u200Fali@x.org\u200F', 'ali@x.org'],
    ['plus tag and subdomain', 'info+ticket-42@mail.charity.org.sa', 'info+ticket-42@mail.charity.org.sa'],
    ['hyphenated domain', 'a_b@my-charity.sa', 'a_b@my-charity.sa'],
    ['IDN domain to punycode', 'info@مثال.السعودية', 'info@xn--mgbh0fb.xn--mgberp4a5d4ar'],
    ['punycode TLD kept', 'info@xn--mgbh0fb.xn--mgberp4a5d4ar', 'info@xn--mgbh0fb.xn--mgberp4a5d4ar'],
  ])('%s: %j -> %j', (_label, input, expected) => {
    expect(normalizeEmailAddress(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   '],
    ['no @', 'ali.x.org'],
    ['no local part', '@x.org'],
    ['no domain', 'ali@'],
    ['two @', 'ali@x@x.org'],
    ['no TLD', 'ali@localhost'],
    ['one-letter TLD', 'ali@x.o'],
    ['numeric TLD (IP address)', 'ali@1.2.3.4'],
    ['IP literal', 'ali@[1.2.3.4]'],
    ['space in local part', 'ali hassan@x.org'],
    ['leading dot', '.ali@x.org'],
    ['trailing dot', 'ali.@x.org'],
    ['double dot in local part', 'ali..h@x.org'],
    ['double dot in domain', 'ali@x..org'],
    ['hyphen at label edge', 'ali@-x.org'],
    ['underscore in domain', 'ali@my_charity.org'],
    ['quoted local part (not supported)', '"ali hassan"@x.org'],
    ['Arabic local part (not supported)', 'علي@x.org'],
    ['unclosed bracket', 'Ali <ali@x.org'],
    ['text after the bracket', '<ali@x.org> extra'],
    ['comment instead of display name', 'ali@x.org (Ali)'],
    ['local part too long', `${'a'.repeat(65)}@x.org`],
    ['address over 254 chars', `ali@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.org`],
  ])('%s: %j -> null', (_label, input) => {
    expect(normalizeEmailAddress(input)).toBeNull();
  });

  it('is idempotent', () => {
    const once = normalizeEmailAddress('"Ali" <Ali@Example.ORG>');
    expect(once).toBe('ali@example.org');
    expect(normalizeEmailAddress(once ?? '')).toBe(once);
  });
});
