// Audit entries POSTed as JSON, one per request, signed with the destination's secret:
// X-Weft-Signature: sha256=<hex HMAC-SHA256 of "<X-Weft-Timestamp>.<body>">.
import { createHmac } from 'node:crypto';
import type { AuditDoc } from '../../projections/index.ts';

const TIMEOUT_MS = 10_000;

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export async function postEntry(target: { url: string; secret: string; headers?: Record<string, string> }, entry: AuditDoc): Promise<void> {
  const body = JSON.stringify(entry);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(target.url, {
    method: 'POST',
    headers: {
      ...target.headers,
      'content-type': 'application/json',
      'x-weft-event-id': entry.id,
      'x-weft-timestamp': timestamp,
      'x-weft-signature': signature(target.secret, timestamp, body),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw new Error(`${target.url} answered ${res.status}`);
}
