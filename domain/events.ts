// The event envelope shared by every stream: what is appended, and what is read back.

/** Who caused an event: a user, an API key, or the system itself. */
export interface Actor {
  kind: 'user' | 'apiKey' | 'system';
  id: string;
  name?: string;
}

export interface EventMetadata {
  actor: Actor;
  /** Groups every event caused by one request or one run. */
  correlationId: string;
  /** The id of the event or request that directly caused this one. */
  causationId: string;
  /** ISO-8601 time at which the event was decided. */
  at: string;
  /** Version of `data`'s shape for this event type; older shapes are upcast on read. */
  schemaVersion: number;
  /** The workspace the event's resource belongs to, when it belongs to one (for audit scoping). */
  workspaceId?: string;
}

/** An event about to be appended. `id` must be deterministic so a retried append is written once. */
export interface NewEvent<T extends string = string, D = unknown> {
  id: string;
  type: T;
  data: D;
  metadata: EventMetadata;
}

/** An event as read back from a store. */
export interface RecordedEvent<T extends string = string, D = unknown> extends NewEvent<T, D> {
  stream: string;
  /** 0-based index of the event within its stream. */
  revision: number;
  /** Global, strictly increasing position across all streams (a checkpoint). */
  position: number;
}

/** Builds a stream name from its category and id, e.g. `workflow-<id>`. */
export function streamName(category: string, id: string): string {
  return `${category}-${id}`;
}

/** The category part of a stream name (`workflow` for `workflow-abc`). */
export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}

/** The id part of a stream name (`abc` for `workflow-abc`). */
export function streamId(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? '' : stream.slice(dash + 1);
}
