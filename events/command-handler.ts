// Runs a command against an event-sourced aggregate: read, fold, decide, append with a revision check.
import {
  eventIdFor, fold, WrongExpectedRevisionError,
  type Actor, type Decider, type NewEvent,
} from '../domain/index.ts';
import type { EventStore } from './event-store.ts';

export interface CommandContext {
  actor: Actor;
  /** Identifies this command; retrying with the same id appends nothing new. */
  commandId: string;
  correlationId?: string;
  /** The stream revision the caller last saw (HTTP If-Match); a different revision fails. */
  expectedRevision?: number;
  /** Recorded in each event's metadata: the workspace the aggregate belongs to. */
  workspaceId?: string;
  now?: () => Date;
}

export interface CommandResult<State> {
  state: State;
  /** The events written (none when the command changed nothing). */
  events: NewEvent[];
  /** Stream revision after the command (unchanged when it produced no events). */
  revision: number;
  /** Global position of the last event written, or undefined when nothing was written. */
  position?: number;
}

/** How often a command without If-Match is re-decided when another writer got in first. */
const MAX_ATTEMPTS = 5;

export async function handleCommand<C, E extends { type: string; data: unknown }, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
  context: CommandContext,
): Promise<CommandResult<S>> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(stream);
    const revision = history.length - 1;
    if (context.expectedRevision !== undefined && context.expectedRevision !== revision) {
      throw new WrongExpectedRevisionError(stream, context.expectedRevision, revision < 0 ? 'no_stream' : revision);
    }
    let state = fold(decider, history as unknown as E[]);
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { state, events: [], revision };
    const at = (context.now?.() ?? new Date()).toISOString();
    const events: NewEvent[] = decided.map((e, i) => ({
      id: eventIdFor(context.commandId, i),
      type: e.type,
      data: e.data,
      metadata: {
        actor: context.actor,
        correlationId: context.correlationId ?? context.commandId,
        causationId: context.commandId,
        at,
        schemaVersion: 1,
        ...(context.workspaceId ? { workspaceId: context.workspaceId } : {}),
      },
    }));
    try {
      const result = await store.append(stream, events, { expectedRevision: revision < 0 ? 'no_stream' : revision });
      for (const e of decided) state = decider.evolve(state, e);
      return { state, events, revision: result.revision, position: result.position };
    } catch (error) {
      const canRetry = error instanceof WrongExpectedRevisionError && context.expectedRevision === undefined;
      if (!canRetry || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
