// The "Replay in bulk" dialog's plain logic: the request its form makes, and what a progress
// message (domain/live-messages.ts, room `bulkreplay:<id>`) changes in what it shows.
import type { BulkReplayItem, BulkReplayProgress, LiveMessage } from '../../../domain/index.ts';

export type BulkVersion = 'original' | 'draft' | 'published';

export interface BulkReplayForm {
  /** '' for any status. */
  status: '' | 'error' | 'success' | 'canceled' | 'crashed';
  /** `<input type="datetime-local">` values, local time; '' for no bound. */
  since: string;
  until: string;
  errorContains: string;
  version: BulkVersion;
}

/** The body of POST /api/v1/workflows/:id/bulk-replays; the times go out as UTC instants. */
export function bulkReplayRequest(form: BulkReplayForm): { filter: Record<string, string>; version: BulkVersion } {
  const filter: Record<string, string> = {};
  if (form.status) filter.status = form.status;
  if (form.since) filter.since = new Date(form.since).toISOString();
  if (form.until) filter.until = new Date(form.until).toISOString();
  if (form.errorContains.trim()) filter.errorContains = form.errorContains.trim();
  return { filter, version: form.version };
}

export interface BulkReplayView extends BulkReplayProgress {
  /** Runs that fail differently now, known from the progress so far (all of them once finished). */
  different: BulkReplayItem[];
  /** The last revision folded, so a message seen twice (a re-watch after a reconnect) changes nothing. */
  revision: number;
}

export function emptyView(id: string, total: number): BulkReplayView {
  return { id, total, done: 0, succeeded: 0, stillFailing: 0, failingDifferently: 0, state: 'running', different: [], revision: -1 };
}

/** Folds one live message of the bulk replay's room into the view. */
export function foldBulkMessage(view: BulkReplayView, message: LiveMessage): BulkReplayView {
  if (message.revision <= view.revision) return view;
  if (message.type === 'bulkReplay.progress') {
    const { item, ...progress } = message.data;
    const different = item?.outcome === 'failsDifferently' ? [...view.different, item] : view.different;
    return { ...view, ...progress, different, revision: message.revision };
  }
  if (message.type === 'bulkReplay.finished') {
    const { items, counts: _counts, ...progress } = message.data;
    return { ...view, ...progress, different: items.filter((i) => i.outcome === 'failsDifferently'), revision: message.revision };
  }
  return view;
}
