// The running instance a CLI verb talks to over its REST API (`weft check`, `weft test`): where it
// is, which API key, and one JSON call that turns an unreachable server or a refused key into a
// message for the terminal.
import { PRODUCT } from './product.ts';

/** A usage or connection problem: the verb exits 2 with the message. */
export class CliUsageError extends Error {}

export interface RemoteTarget {
  url: string;
  apiKey: string;
}

/** `--url`, else WEFT_URL, else this installation's port; `--api-key`, else WEFT_API_KEY. */
export async function remoteTarget(url: string | undefined, apiKey: string | undefined): Promise<RemoteTarget> {
  const key = apiKey ?? process.env.WEFT_API_KEY;
  if (!key) throw new CliUsageError(`An API key is needed: --api-key K or WEFT_API_KEY (create one with \`${PRODUCT.bin} apikey create\`)`);
  // Loaded only when no URL is given: reading the configuration is not needed otherwise.
  const base = url ?? process.env.WEFT_URL ?? `http://localhost:${(await import('./config.ts')).loadConfig().port}`;
  return { url: base.replace(/\/+$/, ''), apiKey: key };
}

/** The API's error body as one line: its message and the details of a validation error. */
export function remoteMessage(body: unknown): string {
  const b = body as { message?: string; details?: { path?: string; message: string }[] } | undefined;
  const details = b?.details?.map((d) => (d.path ? `${d.path} ${d.message}` : d.message)).join('; ');
  return `${b?.message ?? 'no message'}${details ? `: ${details}` : ''}`;
}

/** One JSON call; any answer but 401/403 comes back with its status for the caller to judge. */
export async function callRemote<T>(target: RemoteTarget, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetch(`${target.url}${path}`, { ...init, headers: { 'X-API-KEY': target.apiKey, 'content-type': 'application/json', accept: 'application/json' } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliUsageError(`Cannot reach ${target.url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new CliUsageError(`${target.url}${path} answered ${res.status} with something other than JSON; is --url a ${PRODUCT.name} server?`);
  }
  if (res.status === 401 || res.status === 403) throw new CliUsageError(`${res.status} from ${target.url}: ${remoteMessage(body)} (set --api-key or WEFT_API_KEY)`);
  return { status: res.status, body: body as T };
}
