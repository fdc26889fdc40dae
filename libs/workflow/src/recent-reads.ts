/**
 * Values read at most `maxAgeMs` ago, one read per key at a time. For settings that change rarely
 * (SLA policies, business calendars) but are needed on every timer: an edit shows within `maxAgeMs`.
 */
export class RecentReads<K, V> {
  private readonly entries = new Map<K, { readAt: number; value: Promise<V> }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly read: (key: K) => Promise<V>,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: K): Promise<V> {
    const now = this.clock();
    const cached = this.entries.get(key);
    if (cached && now - cached.readAt < this.maxAgeMs) return cached.value;
    const entry = { readAt: now, value: this.read(key) };
    this.entries.set(key, entry);
    // A failed read is not kept: the next caller reads again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }
}
