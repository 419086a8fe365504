// Read model of the audit log: every event in the store, filterable by actor, stream, type and time.
import { streamCategory, type RecordedEvent, type WorkflowEvent } from '../domain/index.ts';
import type { Projection } from './projection.ts';
import { describeWorkflowEvent } from './workflow-history-projection.ts';

export interface AuditDoc {
  [k: string]: unknown;
  id: string;
  position: number;
  stream: string;
  category: string;
  revision: number;
  type: string;
  actorKind: string;
  actorId: string;
  actorName?: string;
  at: string;
  correlationId: string;
  /** The workspace of the resource, when it has one: workspace admins see their workspace's entries. */
  workspaceId?: string;
  summary: string;
}

export const AUDIT = 'entries';

export const auditProjection: Projection = {
  name: 'audit',
  version: 2,
  collections: [
    {
      name: AUDIT,
      indexes: [
        { fields: ['position'], unique: true },
        { fields: ['actorId', 'position'] },
        { fields: ['stream', 'position'] },
        { fields: ['type', 'position'] },
        { fields: ['at'] },
        { fields: ['workspaceId', 'position'] },
      ],
    },
  ],
  // Yjs document updates are recorded in their own streams and summarised by workflow events.
  accepts: (event) => streamCategory(event.stream) !== 'workflowdoc',
  async apply(event: RecordedEvent, tx) {
    const category = streamCategory(event.stream);
    const summary = category === 'workflow' ? describeWorkflowEvent(event as unknown as WorkflowEvent).summary : event.type;
    await tx.collection<AuditDoc>(AUDIT).upsert({
      id: event.id,
      position: event.position,
      stream: event.stream,
      category,
      revision: event.revision,
      type: event.type,
      actorKind: event.metadata.actor.kind,
      actorId: event.metadata.actor.id,
      ...(event.metadata.actor.name ? { actorName: event.metadata.actor.name } : {}),
      at: event.metadata.at,
      correlationId: event.metadata.correlationId,
      ...(event.metadata.workspaceId ? { workspaceId: event.metadata.workspaceId } : {}),
      summary,
    });
  },
};
