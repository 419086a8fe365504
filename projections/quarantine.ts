// Events a projection could not apply on their own, set aside so that one event can never stop a
// read model. Kept per storage key: a rebuild quarantines again under its own key.
import type { RecordedEvent } from '../domain/index.ts';
import type { Collection, Page, ReadModelStore } from './read-model-store.ts';

export const QUARANTINE = 'projection_quarantine';

export interface QuarantineRecord {
  [k: string]: unknown;
  /** `<key>:<position>`, so recording the same event twice (two processes, a retry) keeps one record. */
  id: string;
  projection: string;
  /** The storage key whose lane skipped the event (`workflows_v2`, `workflows_v2_r…`). */
  key: string;
  position: number;
  stream: string;
  revision: number;
  type: string;
  eventId: string;
  error: string;
  quarantinedAt: string;
}

/** Long enough to name the cause; a stack or a huge message must not bloat the read model. */
const MAX_ERROR_LENGTH = 2_000;

export function quarantineRecord(projection: string, key: string, event: RecordedEvent, error: unknown): QuarantineRecord {
  const message = error instanceof Error ? error.message : String(error);
  return {
    id: `${key}:${event.position}`, projection, key, position: event.position, stream: event.stream, revision: event.revision,
    type: event.type, eventId: event.id, error: message.slice(0, MAX_ERROR_LENGTH), quarantinedAt: new Date().toISOString(),
  };
}

export async function ensureQuarantine(readModels: ReadModelStore): Promise<void> {
  await readModels.ensureCollection({ name: QUARANTINE, indexes: [{ fields: ['key', 'position'] }, { fields: ['key', 'stream'] }] });
}

function records(readModels: ReadModelStore): Collection<QuarantineRecord> {
  return readModels.collection<QuarantineRecord>(QUARANTINE);
}

export function countQuarantined(readModels: ReadModelStore, key: string): Promise<number> {
  return records(readModels).count({ key });
}

export function listQuarantined(readModels: ReadModelStore, key: string, limit?: number, cursor?: string): Promise<Page<QuarantineRecord>> {
  return records(readModels).find({ filter: { key }, sort: [{ field: 'position', direction: 'asc' }], limit, cursor });
}

/** The records of one stream's events in a revision range (the events one command wrote). */
export async function quarantinedOf(readModels: ReadModelStore, key: string, stream: string, fromRevision: number, toRevision: number): Promise<QuarantineRecord[]> {
  const page = await records(readModels).find({ filter: { key, stream, revision: { $gte: fromRevision, $lte: toRevision } }, limit: 1000 });
  return page.items;
}

/** Drops a dropped storage key's records with it. */
export async function dropQuarantined(readModels: ReadModelStore, key: string): Promise<void> {
  for (;;) {
    const page = await records(readModels).find({ filter: { key }, limit: 1000 });
    if (page.items.length === 0) return;
    for (const record of page.items) await records(readModels).delete(record.id);
  }
}
