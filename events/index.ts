// The event store: its port, the SQLite and EventStoreDB adapters, and the command handler on top.
export type {
  AppendOptions,
  AppendResult,
  EventHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  SubscriptionFilter,
} from './event-store.ts';
export { matchesFilter, MAX_EVENT_BYTES } from './event-store.ts';
export { createSqliteEventStore } from './sqlite-event-store.ts';
export type { CommitBus, SqliteEventStore, SqliteEventStoreOptions, SqliteEventStoreStats } from './sqlite-event-store.ts';
export { createEventStoreDbEventStore } from './eventstoredb-event-store.ts';
export type { EventStoreDbEventStoreOptions } from './eventstoredb-event-store.ts';
export { handleCommand } from './command-handler.ts';
export type { CommandContext, CommandResult } from './command-handler.ts';
export type { BlobStore, BlobRef } from './blob-store.ts';
export { sha256Of } from './blob-store.ts';
export { createFileBlobStore } from './file-blob-store.ts';
export { createMongoBlobStore } from './mongo-blob-store.ts';
