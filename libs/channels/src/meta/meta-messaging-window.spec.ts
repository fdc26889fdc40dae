import { metaSendDecision } from './meta-messaging-window.js';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (hours: number) => new Date(now.getTime() - hours * 3600_000);

describe('metaSendDecision (Meta messaging window)', () => {
  it.each([
    [1, true, { allowed: true, messagingType: 'RESPONSE' }],
    [1, false, { allowed: true, messagingType: 'RESPONSE' }],
    [23.9, false, { allowed: true, messagingType: 'RESPONSE' }],
    [25, true, { allowed: true, messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }],
    [6 * 24 + 23, true, { allowed: true, messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }],
  ])('%s h after the last message, officer=%s → %j', (hours, fromOfficer, expected) => {
    expect(metaSendDecision({ lastInboundAt: ago(hours), now, fromOfficer })).toEqual(expected);
  });

  it('refuses an automatic message after 24 hours: the HUMAN_AGENT tag is for people only', () => {
    const d = metaSendDecision({ lastInboundAt: ago(30), now, fromOfficer: false });
    expect(d.allowed).toBe(false);
    expect(!d.allowed && d.reason).toMatch(/automatic messages .* within 24 hours/);
  });

  it('refuses everything after 7 days, naming when the contact last wrote', () => {
    const d = metaSendDecision({ lastInboundAt: ago(7 * 24 + 1), now, fromOfficer: true });
    expect(d.allowed).toBe(false);
    expect(!d.allowed && d.reason).toContain('outside Meta’s 7-day window');
    expect(!d.allowed && d.reason).toContain('2026-11-18 11:00');
  });

  it('refuses a contact who never wrote on Messenger or Instagram', () => {
    const d = metaSendDecision({ lastInboundAt: null, now, fromOfficer: true });
    expect(!d.allowed && d.reason).toContain('wrote to the page first');
  });
});
