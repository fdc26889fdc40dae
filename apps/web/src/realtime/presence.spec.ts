import { hasCollision, initialPresence, presenceReducer, type PresenceState } from './presence';

const me = { id: 'me', name: 'نورة' };
const sara = { id: 'sara', name: 'سارة القحطاني' };
const khalid = { id: 'khalid', name: 'Khalid' };

const apply = (state: PresenceState, ...actions: Parameters<typeof presenceReducer>[1][]) => actions.reduce(presenceReducer, state);

describe('presence reducer', () => {
  it('lists the other viewers and typists, never myself, and ignores other tickets', () => {
    const state = apply(initialPresence('t1', me.id), { type: 'presence', payload: { ticketId: 't1', viewers: [me, sara, khalid], typing: [me] } });
    expect(state.viewers).toEqual([sara, khalid]);
    expect(state.typing).toEqual([]);
    expect(hasCollision(state)).toBe(false);
    const other = presenceReducer(state, { type: 'presence', payload: { ticketId: 't2', viewers: [], typing: [sara] } });
    expect(other).toBe(state);
  });

  it('remembers that someone typed after the typing stopped, until acknowledged', () => {
    let state = apply(
      initialPresence('t1', me.id),
      { type: 'presence', payload: { ticketId: 't1', viewers: [me, sara], typing: [sara] } },
      { type: 'presence', payload: { ticketId: 't1', viewers: [me, sara], typing: [] } },
    );
    expect(state.typing).toEqual([]);
    expect(state.typedSince).toEqual([sara]);
    expect(hasCollision(state)).toBe(true);
    state = presenceReducer(state, { type: 'acknowledge' });
    expect(hasCollision(state)).toBe(false);
    expect(state.viewers).toEqual([sara]);
  });

  it('warns about replies and notes by colleagues, not about the contact or my own', () => {
    const base = initialPresence('t1', me.id);
    const inbound = presenceReducer(base, {
      type: 'message',
      ticketId: 't1',
      message: { direction: 'inbound', author: { type: 'contact', id: 'c1' } },
    });
    expect(hasCollision(inbound)).toBe(false);
    const mine = presenceReducer(base, { type: 'message', ticketId: 't1', message: { direction: 'outbound', author: { type: 'staff', id: me.id } } });
    expect(hasCollision(mine)).toBe(false);
    const system = presenceReducer(base, { type: 'message', ticketId: 't1', message: { direction: 'outbound', author: null } });
    expect(hasCollision(system)).toBe(false);
    const theirs = apply(
      base,
      { type: 'message', ticketId: 't1', message: { direction: 'note', author: { type: 'staff', id: khalid.id } } },
      { type: 'message', ticketId: 't1', message: { direction: 'outbound', author: { type: 'staff', id: khalid.id } } },
      { type: 'message', ticketId: 't2', message: { direction: 'outbound', author: { type: 'staff', id: sara.id } } },
    );
    expect(theirs.repliedSince).toEqual([khalid.id]);
    expect(presenceReducer(theirs, { type: 'reset', ticketId: 't2', selfId: me.id })).toEqual(initialPresence('t2', me.id));
  });
});
