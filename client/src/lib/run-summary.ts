// What the run lists say about a run besides its status: how long it took, why it failed, and the
// run it came from (a retry, or a re-run from a node), in the reader's own locale.
import type { ExecutionSummary } from './types.ts';

/** A run's id as the lists show it: short enough to read, long enough to tell runs apart. */
export const shortId = (id: string): string => `#${id.slice(0, 6)}`;

const number = (value: number, digits = 0) => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value);

/** "840 ms", "3.2 s", "2 min 5 s", "1 h 4 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${number(Math.max(0, Math.round(ms)))} ms`;
  if (ms < 60_000) return `${number(Math.floor(ms / 100) / 10, 1)} s`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

/** The run's duration, or what it is doing while it has none yet. */
export function runDuration(run: Pick<ExecutionSummary, 'status' | 'startedAt' | 'stoppedAt'>): string {
  if (run.status === 'running' || run.status === 'new') return 'running…';
  if (run.status === 'waiting') return 'waiting…';
  if (!run.startedAt || !run.stoppedAt) return '';
  return formatDuration(Date.parse(run.stoppedAt) - Date.parse(run.startedAt));
}

/** A failed run's message, with the node it failed on first. */
export function runError(run: Pick<ExecutionSummary, 'error'>): string | undefined {
  if (!run.error?.message) return undefined;
  return run.error.node ? `${run.error.node}: ${run.error.message}` : run.error.message;
}

/** The run this one came from, and how: "retry of #ab12cd", "re-run of #ab12cd from node Set". */
export function runOrigin(run: Pick<ExecutionSummary, 'retryOf' | 'rerunOf' | 'startNode'>): { id: string; text: string } | undefined {
  if (run.retryOf) return { id: run.retryOf, text: `retry of ${shortId(run.retryOf)}${run.startNode ? ` from node ${run.startNode}` : ''}` };
  if (run.rerunOf) return { id: run.rerunOf, text: `re-run of ${shortId(run.rerunOf)}${run.startNode ? ` from node ${run.startNode}` : ''}` };
  return undefined;
}

/** A timestamp in the browser's locale and time zone. */
export const localTime = (iso: string | undefined): string => (iso ? new Date(iso).toLocaleString() : '');

/** The run's custom data as pairs, in the order it was set; empty when it set none. */
export function runCustomData(run: Pick<ExecutionSummary, 'customData'>): { key: string; value: string }[] {
  return Object.entries(run.customData ?? {}).map(([key, value]) => ({ key, value }));
}

/**
 * The list's `metadata` query (n8n's custom data filter) for one key and value: the value is
 * matched whole when `exact`, else contained ignoring case; no key means no filter.
 */
export function customDataQuery(key: string, value: string, exact: boolean): string | undefined {
  const k = key.trim();
  if (!k) return undefined;
  return JSON.stringify([{ key: k, value, ...(exact ? { exactMatch: true } : {}) }]);
}
