// A closed-loop HTTP load client on raw sockets: N connections, each sending its next request as
// soon as the previous answer is in, either over one kept-alive connection or over a fresh
// connection per call (what most webhook senders do). autocannon cannot do the latter: with
// --reconnectRate 1 it drops every answer from its counts. Run as its own process so the client's
// CPU is not the server's; prints one JSON line.
// Run: node --import tsx ops/bench/http-load.ts <url> <connections> <seconds> <keepalive|fresh> [json body]
import net from 'node:net';

export interface LoadResult {
  mode: 'keepalive' | 'fresh';
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Status and total length of the first full response in `buf`, or undefined if it is not all in. */
function parseResponse(buf: Buffer): { status: number; length: number } | undefined {
  const end = buf.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const head = buf.subarray(0, end).toString('latin1');
  const status = Number(head.slice(9, 12));
  const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const bodyLength = match ? Number(match[1]) : 0;
  const length = end + 4 + bodyLength;
  return buf.length >= length ? { status, length } : undefined;
}

export async function runLoad(url: string, connections: number, seconds: number, mode: 'keepalive' | 'fresh', body: string): Promise<LoadResult> {
  const target = new URL(url);
  const port = Number(target.port || 80);
  const request = Buffer.from(
    `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
    `Connection: ${mode === 'fresh' ? 'close' : 'keep-alive'}\r\ncontent-type: application/json\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  const latencies: number[] = [];
  let ok2xx = 0;
  let non2xx = 0;
  let errors = 0;
  const endAt = performance.now() + seconds * 1000;

  /** One closed-loop connection: resolves when the time is up. */
  function loop(): Promise<void> {
    return new Promise((resolve) => {
      let socket: net.Socket | undefined;
      let pending: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        if (performance.now() >= endAt) {
          socket?.destroy();
          resolve();
          return;
        }
        if (!socket || mode === 'fresh') {
          pending = Buffer.alloc(0);
          const s = net.connect({ host: target.hostname, port, noDelay: true });
          socket = s;
          s.on('data', (chunk) => onData(s, chunk));
          s.on('error', () => onFailure(s));
          s.on('close', () => { if (socket === s && sentAt !== 0) onFailure(s); });
        }
        sentAt = performance.now();
        socket.write(request);
      };
      const onFailure = (s: net.Socket) => {
        if (socket !== s) return;
        errors++;
        socket = undefined;
        sentAt = 0;
        s.destroy();
        setTimeout(send, 10);
      };
      const onData = (s: net.Socket, chunk: Buffer) => {
        if (socket !== s) return;
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        const response = parseResponse(pending);
        if (!response) return;
        latencies.push(performance.now() - sentAt);
        sentAt = 0;
        if (response.status >= 200 && response.status < 300) ok2xx++;
        else non2xx++;
        pending = pending.subarray(response.length);
        if (mode === 'fresh') {
          socket = undefined;
          s.destroy();
        }
        send();
      };
      send();
    });
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return { mode, requests: latencies.length, perSecond: Math.round(latencies.length / elapsed), p50: at(0.5), p99: at(0.99), ok2xx, non2xx, errors };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [url, connections, seconds, mode, body] = process.argv.slice(2);
  const result = await runLoad(url, Number(connections), Number(seconds), mode === 'fresh' ? 'fresh' : 'keepalive', body ?? '{}');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
