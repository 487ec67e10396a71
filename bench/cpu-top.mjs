// Summarises a V8 .cpuprofile: self time by package, then the hottest functions.
//   node bench/cpu-top.mjs FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const self = new Map();
const dt = new Map(); for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const total = [...dt.values()].reduce((a, b) => a + b, 0);
const byPkg = new Map();
for (const n of p.nodes) { const t = dt.get(n.id) ?? 0; const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\//, '').replace(`file://${process.cwd()}/`, '')}:${cf.lineNumber}`; self.set(key, (self.get(key) ?? 0) + t);
  const pkg = cf.url.includes('node_modules/') ? cf.url.replace(/.*node_modules\//, '').split('/').slice(0, cf.url.includes('node_modules/@') ? 2 : 1).join('/') : cf.url.startsWith('file:') ? 'app' : cf.url ? 'node:' : cf.functionName; byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + t); }
console.log('total ms', (total / 1000).toFixed(0));
for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((v / total * 100).toFixed(1).padStart(5), k);
console.log('---');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 30))) console.log((v / total * 100).toFixed(1).padStart(5), k);
