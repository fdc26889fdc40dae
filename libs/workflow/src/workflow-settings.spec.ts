import { keptReads } from './workflow-settings.js';

describe('keptReads', () => {
  it('reads a key once while its version is kept, again under a new version, and again after a failed read', async () => {
    let version = 1;
    const reads: string[] = [];
    let fail = false;
    const read = (key: string) => async () => {
      reads.push(key);
      if (fail) throw new Error('database unavailable');
      return `${key}@${version}`;
    };
    let kept = new Map<string, Promise<unknown>>();
    const [a, b] = await Promise.all([keptReads(kept).get('policy', read('policy')), keptReads(kept).get('policy', read('policy'))]);
    expect([a, b]).toEqual(['policy@1', 'policy@1']);
    expect(await keptReads(kept).get('policy', read('policy'))).toBe('policy@1');
    // The settings changed: their version moved and what was kept is dropped.
    version = 2;
    kept = new Map();
    expect(await keptReads(kept).get('policy', read('policy'))).toBe('policy@2');
    version = 3;
    kept = new Map();
    fail = true;
    await expect(keptReads(kept).get('policy', read('policy'))).rejects.toThrow('database unavailable');
    fail = false;
    expect(await keptReads(kept).get('policy', read('policy'))).toBe('policy@3');
    expect(reads).toEqual(['policy', 'policy', 'policy', 'policy']);
  });
});
