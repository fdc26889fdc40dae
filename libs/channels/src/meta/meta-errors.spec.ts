import { splitText } from './meta-graph.sender.js';
import { toMetaChannelError } from './meta-errors.js';

describe('toMetaChannelError (Graph Send API)', () => {
  it.each([
    [500, { error: { message: 'An unexpected error has occurred.', code: 2 } }, true],
    [503, null, true],
    [429, null, true],
    [400, { error: { message: 'Calls to this api have exceeded the rate limit.', code: 613 } }, true],
    [403, { error: { message: 'Application request limit reached', code: 4 } }, true],
    [400, { error: { message: '(#32) Page request limit reached', code: 32 } }, true],
    [400, { error: { message: 'transient', code: 9999, is_transient: true } }, true],
    [400, { error: { message: '(#100) No matching user found', code: 100, error_subcode: 2018001 } }, false],
    [400, { error: { message: "This person isn't available right now.", code: 551 } }, false],
    [400, { error: { message: 'Error validating access token', code: 190 } }, false],
    [400, { error: { message: 'This message is sent outside of allowed window.', code: 10, error_subcode: 2018278 } }, false],
  ])('HTTP %s %j → retryable=%s', (status, body, retryable) => {
    const e = toMetaChannelError(status, body);
    expect(e.retryable).toBe(retryable);
    expect(e.message).toMatch(/^Graph API/);
  });

  it('says so plainly when Meta refuses for the messaging window', () => {
    const e = toMetaChannelError(400, { error: { message: 'This message is sent outside of allowed window.', code: 10, error_subcode: 2018278 } });
    expect(e.message).toBe('Graph API 10/2018278: outside Meta’s messaging window (This message is sent outside of allowed window.)');
    expect(e.providerCode).toBe(10);
  });
});

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('مرحبا', 2000)).toEqual(['مرحبا']);
  });

  it('cuts long text at spaces, every part within the limit', () => {
    const text = Array.from({ length: 700 }, (_, i) => `كلمة${i}`).join(' ');
    const parts = splitText(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join(' ')).toBe(text);
  });

  it('never cuts an emoji in two', () => {
    const parts = splitText(`${'a'.repeat(9)}😀${'b'.repeat(5)}`, 10);
    expect(parts[0]).toBe('a'.repeat(9));
    expect(parts[1].startsWith('😀')).toBe(true);
  });
});
