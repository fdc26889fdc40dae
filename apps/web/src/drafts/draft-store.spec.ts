import { DraftStore, type EnumerableStorage } from './draft-store';

class MemoryStorage implements EnumerableStorage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('drafts of unsent form text', () => {
  it('keeps drafts per user and form', () => {
    const store = new DraftStore(new MemoryStorage());
    store.write('u1', 'users.create', { name: 'نورة' });
    expect(store.read('u1', 'users.create')).toEqual({ name: 'نورة' });
    expect(store.read('u2', 'users.create')).toBeNull();
    store.remove('u1', 'users.create');
    expect(store.read('u1', 'users.create')).toBeNull();
  });

  it('clears every draft on sign-out, and nothing else', () => {
    const storage = new MemoryStorage();
    storage.setItem('other', 'x');
    const store = new DraftStore(storage);
    store.write('u1', 'a', { x: 1 });
    store.write('u2', 'b', { y: 2 });
    store.clearAll();
    expect(storage.length).toBe(1);
    expect(storage.getItem('other')).toBe('x');
  });

  it('survives broken or missing storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('hd.draft:u1:f', '{not json');
    expect(new DraftStore(storage).read('u1', 'f')).toBeNull();
    const none = new DraftStore(undefined);
    none.write('u1', 'f', { a: 1 });
    expect(none.read('u1', 'f')).toBeNull();
  });
});
