import { MAX_WATCHED_PER_SOCKET, TicketPresenceRegistry } from './ticket-presence.js';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const noura = { id: 'u-noura', name: 'نورة العتيبي' };
const fahad = { id: 'u-fahad', name: 'فهد الشمري' };

describe('ticket presence registry', () => {
  it('lists each viewer once, however many tabs they have open', () => {
    const presence = new TicketPresenceRegistry();
    expect(presence.watch(T1, 's1', noura)).toBe(true);
    expect(presence.watch(T1, 's1', noura)).toBe(false);
    expect(presence.watch(T1, 's2', noura)).toBe(true);
    expect(presence.watch(T1, 's3', fahad)).toBe(true);
    expect(presence.snapshot(T1, 0)).toEqual({ ticketId: T1, viewers: [noura, fahad], typing: [] });
    expect(presence.snapshot(T2, 0).viewers).toEqual([]);
  });

  it('shows typing only for a while, and only for watchers', () => {
    const presence = new TicketPresenceRegistry(1000);
    presence.watch(T1, 's1', noura);
    expect(presence.typing(T2, 's1', 0)).toBe(false); // not watching T2
    expect(presence.typing(T1, 's1', 0)).toBe(true);
    expect(presence.typing(T1, 's1', 500)).toBe(false); // still typing: no change to announce
    expect(presence.snapshot(T1, 900).typing).toEqual([noura]);
    expect(presence.expire(1000)).toEqual([]); // renewed at 500, runs until 1500
    expect(presence.expire(1500)).toEqual([T1]);
    expect(presence.snapshot(T1, 1500).typing).toEqual([]);
    expect(presence.expire(3000)).toEqual([]);
  });

  it('forgets a closed socket everywhere and reports the tickets that changed', () => {
    const presence = new TicketPresenceRegistry();
    presence.watch(T1, 's1', noura);
    presence.watch(T2, 's1', noura);
    presence.watch(T2, 's2', fahad);
    expect(presence.leaveAll('s1').sort()).toEqual([T1, T2].sort());
    expect(presence.snapshot(T1, 0).viewers).toEqual([]);
    expect(presence.snapshot(T2, 0).viewers).toEqual([fahad]);
    expect(presence.leaveAll('s1')).toEqual([]);
    expect(presence.unwatch(T2, 's2')).toBe(true);
    expect(presence.unwatch(T2, 's2')).toBe(false);
    expect(presence.isWatching(T2, 's2')).toBe(false);
  });

  it('limits how many tickets one socket watches', () => {
    const presence = new TicketPresenceRegistry();
    for (let i = 0; i < MAX_WATCHED_PER_SOCKET; i++) expect(presence.watch(`t${i}`, 's1', noura)).toBe(true);
    expect(presence.watch('one-too-many', 's1', noura)).toBe(false);
  });
});
