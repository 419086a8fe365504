// Serves the built editor (client/dist) with an SPA fallback: any GET that is not an API, webhook
// or real-time path and names no file gets index.html, so deep links into the editor work.
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type Koa from 'koa';

/** Paths the editor never answers: they belong to the API and the real-time channels. */
export const RESERVED_PREFIXES = ['/api', '/webhook', '/socket.io', '/collab', '/healthz', '/readyz', '/rest', '/form'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.map': 'application/json',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

export function isReserved(urlPath: string): boolean {
  return RESERVED_PREFIXES.some((p) => urlPath === p || urlPath.startsWith(`${p}/`) || (p === '/webhook' && urlPath.startsWith('/webhook-')));
}

async function fileAt(file: string) {
  try {
    const info = await stat(file);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Koa middleware serving `dir` (the Vite build). Hashed assets under /assets are cached for a
 * year; index.html is never cached so a new build shows at once. When there is no build, it
 * passes every request on (the app's landing page then says how to build the editor).
 */
export function serveClient(dir: string): Koa.Middleware {
  const root = path.resolve(dir);
  // The build's files are small and change only with a new build: keep them in memory, keyed by
  // their modification time, and answer from a buffer (never a stream a client can cut short).
  const cache = new Map<string, { mtimeMs: number; data: Buffer }>();
  const send = async (ctx: Koa.Context, file: string, type: string, info: Stats) => {
    ctx.status = 200;
    ctx.type = type;
    if (ctx.method === 'HEAD') {
      ctx.length = info.size;
      return;
    }
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== info.mtimeMs) {
      entry = { mtimeMs: info.mtimeMs, data: await readFile(file) };
      cache.set(file, entry);
    }
    ctx.body = entry.data;
  };
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || isReserved(ctx.path)) return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    const wanted = path.resolve(root, `.${path.posix.normalize(decoded)}`);
    if (wanted.startsWith(root + path.sep)) {
      const info = await fileAt(wanted);
      if (info) {
        ctx.set('Cache-Control', decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        await send(ctx, wanted, TYPES[path.extname(wanted)] ?? 'application/octet-stream', info);
        return;
      }
      // A missing file with an extension is a real 404, not a page of the app.
      if (path.extname(decoded)) return next();
    }
    const index = path.join(root, 'index.html');
    const info = await fileAt(index);
    if (!info) return next();
    ctx.set('Cache-Control', 'no-cache');
    await send(ctx, index, TYPES['.html']!, info);
  };
}


