// Pages of the whole log shared by the subscriptions that read it unfiltered (every projection,
// the live feed): after a commit they all ask for the same rows, so SQLite copies them out once.
// A full page never changes (positions are immutable) unless a stream is deleted, which clears all; a short one (the head) is kept only until
// the next commit or a few milliseconds, so rows written by another process are not hidden long.
import type { EventRow } from './sqlite-schema.ts';

const ENTRIES = 32;
const SHORT_PAGE_TTL_MS = 5;

export interface PageCache {
  read(after: number, limit: number): EventRow[];
  /** Something was committed: short pages are stale. */
  invalidate(): void;
  /** Events were deleted: every page may be stale. */
  clear(): void;
}

export function createPageCache(readPage: (after: number, limit: number) => EventRow[]): PageCache {
  const pages = new Map<string, { rows: EventRow[]; at: number; generation: number }>();
  let generation = 0;
  return {
    read(after, limit) {
      const key = `${after}:${limit}`;
      const cached = pages.get(key);
      const now = performance.now();
      if (cached && (cached.rows.length === limit || (cached.generation === generation && now - cached.at < SHORT_PAGE_TTL_MS))) return cached.rows;
      const rows = readPage(after, limit);
      pages.delete(key);
      pages.set(key, { rows, at: now, generation });
      if (pages.size > ENTRIES) pages.delete(pages.keys().next().value!);
      return rows;
    },
    invalidate() {
      generation++;
    },
    clear() {
      pages.clear();
    },
  };
}
