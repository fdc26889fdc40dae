import { DEFAULT_MACROS, expandMacro, insertAtCaret, readMacros, writeMacros } from './macros';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('canned replies', () => {
  it('starts with the defaults and keeps each user’s own list', () => {
    const storage = memoryStorage();
    expect(readMacros(storage, 'u1')).toEqual(DEFAULT_MACROS);
    writeMacros(storage, 'u1', [{ id: 'x', title: 'شكر', body: 'شكرًا لك' }]);
    expect(readMacros(storage, 'u1')).toEqual([{ id: 'x', title: 'شكر', body: 'شكرًا لك' }]);
    expect(readMacros(storage, 'u2')).toEqual(DEFAULT_MACROS);
    storage.setItem('hd.macros:u3', 'not json');
    expect(readMacros(storage, 'u3')).toEqual(DEFAULT_MACROS);
  });

  it('fills the placeholders and inserts at the caret', () => {
    expect(
      expandMacro('مرحبًا {{name}}، طلبك {{ticketNumber}} — {{agent}} {{other}}', { name: 'فاطمة', ticketNumber: '1446-000001', agent: 'نورة' }),
    ).toBe('مرحبًا فاطمة، طلبك 1446-000001 — نورة {{other}}');
    expect(insertAtCaret('', 0, 'نص')).toEqual({ text: 'نص', caret: 2 });
    expect(insertAtCaret('أول', 3, 'ثان')).toEqual({ text: 'أول\nثان', caret: 7 });
  });
});
