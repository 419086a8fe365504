// The shared 429 loop against a real local server: it sends again after the wait the service asks
// for, gives the 429 back when the retries are spent or the wait is longer than the policy accepts,
// and stops waiting as soon as the run is stopped.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '../http-request/send.ts';
import { sendWaitingOutRateLimits } from './rate-limit.ts';

let server: Server;
let url = '';
let limited = 0;
let retryAfter = '0';
let calls = 0;

beforeAll(async () => {
  server = createServer((_req, res) => {
    calls += 1;
    if (limited > 0) {
      limited -= 1;
      res.writeHead(429, { 'retry-after': retryAfter }).end('slow down');
    } else res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function call(policy = { retries: 2, maxWaitMs: 1000, fallbackMs: 10 }, signal = new AbortController().signal) {
  calls = 0;
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: false });
  try {
    return await sendWaitingOutRateLimits(transport, { method: 'GET', url, headers: {} }, { timeoutMs: 5000, followRedirects: true, maxRedirects: 5, signal, blockPrivateNetworks: false }, policy);
  } finally {
    await transport.close();
  }
}

describe('sendWaitingOutRateLimits', () => {
  it('sends again after each allowed 429 and returns the answer that is not one', async () => {
    limited = 2;
    retryAfter = '0';
    expect((await call()).statusCode).toBe(200);
    expect(calls).toBe(3);
  });

  it('returns the 429 once the retries are spent, or when the wait asked for is too long', async () => {
    limited = 5;
    expect((await call()).statusCode).toBe(429);
    expect(calls).toBe(3);
    limited = 1;
    retryAfter = '120';
    expect((await call()).statusCode).toBe(429);
    expect(calls).toBe(1);
  });

  it('stops waiting when the run is stopped', async () => {
    limited = 1;
    retryAfter = '1';
    const stop = new AbortController();
    setTimeout(() => stop.abort(new Error('stopped')), 50);
    const started = Date.now();
    await expect(call({ retries: 2, maxWaitMs: 5000, fallbackMs: 10 }, stop.signal)).rejects.toThrow('stopped');
    expect(Date.now() - started).toBeLessThan(900);
  });
});
