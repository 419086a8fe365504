// Runs a command on an aggregate and waits until the read models reflect it (read-your-writes): a
// write answers success only once reads show it.
import { WriteNotVisibleError, WriteQuarantinedError, type Actor, type Decider } from '../domain/index.ts';
import { handleCommand, type CommandResult, type EventStore } from '../events/index.ts';
import type { ProjectionRunner } from '../projections/index.ts';
import type { Logger } from './logger.ts';

export interface RequestContext {
  actor: Actor;
  /** Unique per request; event ids derive from it. */
  requestId: string;
}

export interface CommandOptions {
  expectedRevision?: number;
  /** The workspace the aggregate belongs to, recorded in the events' metadata. */
  workspaceId?: string;
  /** Tells commands of one request apart when it runs several on the same stream. */
  step?: string;
}

export type RunCommand = <C, E extends { type: string; data: unknown }, S>(
  decider: Decider<C, E, S>,
  stream: string,
  command: C,
  ctx: RequestContext,
  options?: CommandOptions,
) => Promise<CommandResult<S>>;

export function createCommandRunner(deps: { events: EventStore; projections: ProjectionRunner[]; logger: Logger; timeoutMs: number }): RunCommand {
  return async (decider, stream, command, ctx, options = {}) => {
    const result = await handleCommand(deps.events, decider, stream, command, {
      actor: ctx.actor,
      commandId: `${ctx.requestId}:${stream}${options.step ? `:${options.step}` : ''}`,
      correlationId: ctx.requestId,
      expectedRevision: options.expectedRevision,
      workspaceId: options.workspaceId,
    });
    if (result.position !== undefined) {
      const position = result.position;
      // Wait only for the read models these events change.
      const affected = deps.projections.filter((p) => result.events.some((e) => p.accepts({ stream, type: e.type })));
      const reached = await Promise.all(affected.map((p) => p.waitFor(position, deps.timeoutMs).then(() => true, () => false)));
      // The write is committed and stays so; what the caller must learn is that reads do not show it.
      const lagging = affected.filter((_, i) => !reached[i]).map((p) => p.name);
      if (lagging.length > 0) {
        deps.logger.warn({ projections: lagging, position, stream }, 'read model did not reach a write in time');
        throw new WriteNotVisibleError(lagging, position, deps.timeoutMs);
      }
      const fromRevision = result.revision - result.events.length + 1;
      // Only a read model that has quarantined anything at all is asked (no read on every write):
      // its lane counts a quarantine before it lets the waits above resolve.
      const suspects = affected.filter((p) => p.status().quarantined > 0);
      const quarantined = await Promise.all(suspects.map(async (p) => ((await p.quarantinedOf(stream, fromRevision, result.revision)).length > 0 ? p.name : undefined)));
      const refused = quarantined.filter((name) => name !== undefined);
      if (refused.length > 0) {
        deps.logger.error({ projections: refused, position, stream }, 'a read model quarantined the event of a write');
        throw new WriteQuarantinedError(refused, position);
      }
    }
    return result;
  };
}
