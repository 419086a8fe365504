// Input checks every adapter applies before an append, so code that works on SQLite also works on
// EventStoreDB (which requires UUID event ids).
import { validate as isUuid } from 'uuid';
import { ValidationError } from '../domain/index.ts';
import type { ExpectedRevision, NewEvent } from '../domain/index.ts';

export function validateAppend(stream: string, events: NewEvent[], expected: ExpectedRevision): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new ValidationError('A stream name is required', [{ path: 'stream', message: 'empty' }]);
  }
  if (stream.startsWith('$')) {
    throw new ValidationError(`Stream '${stream}' is reserved: names starting with '$' are system streams`);
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new ValidationError(`An append to '${stream}' needs at least one event`);
  }
  const seen = new Set<string>();
  events.forEach((event, i) => {
    if (typeof event.id !== 'string' || !isUuid(event.id)) {
      throw new ValidationError('Event ids must be UUIDs', [{ path: `events.${i}.id`, message: String(event.id) }]);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) {
      throw new ValidationError('Event ids must be unique within an append', [{ path: `events.${i}.id`, message: id }]);
    }
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new ValidationError("Event types must be non-empty and not start with '$'", [
        { path: `events.${i}.type`, message: String(event.type) },
      ]);
    }
  });
  const namedOk = expected === 'any' || expected === 'no_stream' || expected === 'stream_exists';
  if (!namedOk && !(Number.isSafeInteger(expected) && (expected as number) >= 0)) {
    throw new ValidationError(`Invalid expected revision ${String(expected)}`, [
      { path: 'expectedRevision', message: "a revision >= 0, 'any', 'no_stream' or 'stream_exists'" },
    ]);
  }
}
