// What bounded input costs: the depth scan and strict UTF-8 decoding against JSON.parse alone, on a
// webhook-sized body (1 MiB) and on a large import (16 MiB, JSON_BODY_LIMIT_BYTES), and the depth
// check of a 50,000-item node output.
// Run: npm run bench:input
import { exceedsDepth } from '../../domain/index.ts';
import { decodeUtf8, parseJsonBytes } from '../../server/index.ts';
import { percentile } from './stats.ts';

function body(targetBytes: number): Buffer {
  const rows: unknown[] = [];
  let size = 0;
  for (let i = 0; size < targetBytes; i++) {
    const row = { id: i, name: `Customer ${i} – Zürich`, tags: ['a', 'b'], address: { street: `${i} Main St`, geo: { lat: 47.3, lng: 8.5 } } };
    rows.push(row);
    size += JSON.stringify(row).length + 1;
  }
  return Buffer.from(JSON.stringify({ rows }));
}

function time(runs: number, work: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

for (const [label, bytes] of [['1 MiB', 1 << 20], ['16 MiB', 16 << 20]] as const) {
  const raw = body(bytes);
  const runs = bytes > 1 << 20 ? 10 : 50;
  const plain = time(runs, () => JSON.parse(raw.toString('utf8')));
  const bounded = time(runs, () => parseJsonBytes(raw, 100));
  const decode = time(runs, () => decodeUtf8(raw));
  const p50 = (s: number[]) => percentile(s, 50).toFixed(2);
  console.log(`${label} body: JSON.parse ${p50(plain)} ms, bounded parse ${p50(bounded)} ms (strict UTF-8 alone ${p50(decode)} ms), p50 of ${runs}`);
}

const items = Array.from({ length: 50_000 }, (_, i) => ({ json: { id: i, customer: { name: `C${i}`, address: { city: 'Zürich', geo: [47.3, 8.5] } } } }));
const check = time(20, () => items.forEach((item) => exceedsDepth(item.json, 480)));
console.log(`50,000-item output depth check: ${percentile(check, 50).toFixed(2)} ms p50 of 20`);
