import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawJson, streamJson } from './json-stream.ts';

class Stored {
  constructor(readonly text: string) {}
}
const asRaw = (_key: string, value: unknown) => (value instanceof Stored ? new RawJson(async () => Buffer.from(value.text)) : value);

let value: unknown;
let url = '';
const app = new Koa();
app.use((ctx) => streamJson(ctx, value, asRaw));
const server = app.listen(0);

beforeAll(() => { url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; });
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function answer(v: unknown): Promise<unknown> {
  value = v;
  const res = await fetch(url);
  expect(res.headers.get('content-type')).toContain('application/json');
  return JSON.parse(await res.text());
}

describe('streamJson with stored JSON text', () => {
  it('writes each stored part as its text, where it stands', async () => {
    const big = JSON.stringify({ main: [Array.from({ length: 20_000 }, (_, i) => ({ json: { i, name: `é ${i}` } }))] });
    const result = await answer({ id: 'x', runData: { A: [{ data: new Stored(big) }], B: [{ data: new Stored('{"main":[[]]}') }] }, tail: 'end' });
    expect(result).toEqual({ id: 'x', runData: { A: [{ data: JSON.parse(big) }], B: [{ data: { main: [[]] } }] }, tail: 'end' });
  });

  it('leaves strings that only look like its markers alone', async () => {
    const tricky = { a: '\u0000not-a-marker:0', b: '"\\u0000', c: new Stored('[1,2]'), d: 'x'.repeat(70_000) };
    expect(await answer(tricky)).toEqual({ a: '\u0000not-a-marker:0', b: '"\\u0000', c: [1, 2], d: 'x'.repeat(70_000) });
  });

  it('streams plain values without a replacer', async () => {
    const app2 = new Koa();
    app2.use((ctx) => streamJson(ctx, { n: [1, 'two'] }));
    const s = app2.listen(0);
    const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
    expect(await res.json()).toEqual({ n: [1, 'two'] });
    await new Promise<void>((resolve) => s.close(() => resolve()));
  });
});
