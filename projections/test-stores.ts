// For the projection tests: a real SQLite event store and read-model store in a fresh temp folder,
// and a plain event to append to them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v4 as uuid } from 'uuid';
import type { NewEvent } from '../domain/index.ts';
import { createSqliteEventStore, type EventStore } from '../events/index.ts';
import type { ReadModelStore } from './read-model-store.ts';
import { createSqliteReadModelStore } from './sqlite-read-model-store.ts';

export interface TempStores {
  events: EventStore;
  readModels: ReadModelStore;
  /** Closes both stores and deletes the folder. */
  close(): Promise<void>;
}

export function openTempStores(prefix: string): TempStores {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const events = createSqliteEventStore({ file: path.join(dir, 'events.sqlite') });
  const readModels = createSqliteReadModelStore({ file: path.join(dir, 'read.sqlite') });
  return {
    events, readModels,
    async close() {
      await events.close();
      await readModels.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A system event of `type` carrying `data`. */
export function testEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { id: uuid(), type, data, metadata: { actor: { kind: 'system', id: 't' }, correlationId: 'c', causationId: 'c', at: new Date().toISOString(), schemaVersion: 1 } };
}

/** A logger that drops everything. */
export const silentLogger = { info() {}, error() {} };
