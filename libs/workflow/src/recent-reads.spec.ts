import { RecentReads } from './recent-reads.js';

describe('RecentReads', () => {
  it('reads a key once while it is recent, again once it is older, and again after a failed read', async () => {
    let now = 1_000_000;
    const reads: string[] = [];
    let fail = false;
    const recent = new RecentReads(
      60_000,
      async (key: string) => {
        reads.push(key);
        if (fail) throw new Error('database unavailable');
        return `${key}@${now}`;
      },
      () => now,
    );
    const [a, b] = await Promise.all([recent.get('policy'), recent.get('policy')]);
    expect([a, b]).toEqual(['policy@1000000', 'policy@1000000']);
    now += 59_000;
    expect(await recent.get('policy')).toBe('policy@1000000');
    now += 2_000;
    expect(await recent.get('policy')).toBe('policy@1061000');
    now += 61_000;
    fail = true;
    await expect(recent.get('policy')).rejects.toThrow('database unavailable');
    fail = false;
    expect(await recent.get('policy')).toBe('policy@1122000');
    expect(reads).toEqual(['policy', 'policy', 'policy', 'policy']);
  });
});
