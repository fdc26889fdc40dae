/**
 * Canonical form of an e-mail address, used as the contact match key for the
 * email channel. Deliberately a *basic* check (dot-atom local part, DNS host
 * name), not full RFC 5322: anything exotic returns null so that a human
 * looks at it instead of us guessing.
 */
import { domainToASCII } from 'node:url';
import { stripBidiControls } from '../text/bidi.js';

const MAILTO = /^mailto:/i;
// `Display Name <addr>` / `"Ali" <addr>` / `<addr>`: the address is the last
// angle-bracketed part and nothing may follow it.
const ANGLE_ADDR = /<([^<>]*)>\s*$/;
// RFC 5322 dot-atom characters (lower-case only: we lower-case first).
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// A TLD is letters, or an IDN A-label (xn--…); never all digits (rules out IPs).
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

/**
 * Returns `local@domain`, trimmed and lower-cased, or null if `input` is not
 * a plain address. Accepts a `mailto:` prefix, `<addr>` and a display name
 * (`"Ali" <ali@x.org>`); bidi marks pasted from RTL UIs are removed.
 * Internationalised domains are converted to their ASCII (punycode) form so
 * `ali@مثال.السعودية` and the A-label used in mail headers compare equal.
 */
export function normalizeEmailAddress(input: string): string | null {
  let s = stripBidiControls(input).trim();
  if (s.includes('<') || s.includes('>')) {
    const match = ANGLE_ADDR.exec(s);
    if (!match) return null;
    s = match[1].trim();
  }
  s = s.replace(MAILTO, '').toLowerCase();

  const at = s.lastIndexOf('@');
  if (at <= 0 || at !== s.indexOf('@')) return null;
  const local = s.slice(0, at);
  const domain = domainToASCII(s.slice(at + 1));
  if (local.length > MAX_LOCAL || !LOCAL_PART.test(local)) return null;

  const labels = domain.split('.');
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(tld)) return null;

  const address = `${local}@${domain}`;
  return address.length <= MAX_ADDRESS ? address : null;
}
