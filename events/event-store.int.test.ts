// Runs the event store conformance suite on every adapter that can run here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEventStoreDbEventStore, createSqliteEventStore } from './index.ts';
import { eventStoreConformance } from './event-store.conformance.ts';

eventStoreConformance('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-events-'));
  const store = createSqliteEventStore({ file: path.join(dir, 'events.db') });
  return {
    store,
    async cleanup() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

const eventStoreUrl = process.env.EVENTSTORE_URL;
if (eventStoreUrl) {
  eventStoreConformance('eventstoredb', async () => {
    const store = createEventStoreDbEventStore({ connectionString: eventStoreUrl });
    return { store, cleanup: () => store.close() };
  });
} else {
  console.log('EventStoreDB conformance run not done: EVENTSTORE_URL is not set (e.g. esdb://localhost:2113?tls=false).');
}
