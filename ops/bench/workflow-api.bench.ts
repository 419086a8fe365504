// REST throughput against the embedded default: create and get workflows over real HTTP with
// autocannon, printing requests/s and latency percentiles.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createLogger, loadConfig, sampleWorkflow, startRuntime, TEST_OWNER } from '../../server/index.ts';


const DURATION = Number(process.env.SECONDS ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);

const dir = mkdtempSync(path.join(tmpdir(), 'weft-bench-api-'));
const config = loadConfig({
  DATA_DIR: dir, LOG_LEVEL: 'silent', OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, OWNER_API_KEY: TEST_OWNER.apiKey,
});
const auth = { 'x-api-key': TEST_OWNER.apiKey };
const rt = await startRuntime(config, createLogger(config));
const server = http.createServer(rt.app.koa.callback());
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address() as { port: number };
const url = `http://127.0.0.1:${port}`;

async function run(title: string, opts: Omit<autocannon.Options, 'url'> & { path?: string }) {
  const { path: route = '/', ...rest } = opts;
  const result = await autocannon({ url: url + route, connections: CONNECTIONS, duration: DURATION, ...rest, headers: { ...auth, ...rest.headers } });
  const non2xx = result.non2xx + result.errors;
  if (non2xx > 0) console.error(`  ${title}: ${non2xx} requests failed; the figure below is not valid`);
  console.log(
    `${title.padEnd(26)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   (${result.requests.total} requests, ${non2xx} failed)`,
  );
}

console.log(`REST API on the embedded default (SQLite), ${CONNECTIONS} connections, ${DURATION}s each:`);
await run('POST /api/v1/workflows', {
  method: 'POST', path: '/api/v1/workflows', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleWorkflow('Bench')),
});
const created = (await (await fetch(`${url}/api/v1/workflows`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(sampleWorkflow('Target')) })).json()) as { id: string };
await run('GET /api/v1/workflows/:id', { path: `/api/v1/workflows/${created.id}` });
await run('GET /api/v1/workflows', { path: '/api/v1/workflows?limit=20' });

server.close();
await rt.close();
rmSync(dir, { recursive: true, force: true });
