// Summarises a V8 .cpuprofile: self time by package / product file, and the top functions.
import { readFileSync } from 'node:fs';

function bucket(url) {
  if (!url) return '(native / vm)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const product = /\/(apps|libs)\/([^/]+)\//.exec(url);
  if (product) return `product: ${product[1]}/${product[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url;
}

export function summarize(file, top = 20) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  let total = 0;
  const byBucket = new Map();
  const byFn = new Map();
  for (const [id, us] of dt) {
    const n = byId.get(id);
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    total += us;
    const b = ['(garbage collector)', '(program)'].includes(name) ? name : bucket(n.callFrame.url);
    byBucket.set(b, (byBucket.get(b) ?? 0) + us);
    const fk = `${name} ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|libs)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fk, (byFn.get(fk) ?? 0) + us);
  }
  const rows = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ what: k, ms: Math.round(us / 1000), share: `${((100 * us) / total).toFixed(1)}%` }));
  return { busyMs: Math.round(total / 1000), byPackage: rows(byBucket), topFunctions: rows(byFn) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = summarize(process.argv[2], Number(process.argv[3] ?? 20));
  console.log(`busy ${s.busyMs} ms`);
  console.table(s.byPackage);
  console.table(s.topFunctions);
}
