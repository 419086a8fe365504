// The node capabilities the executor reads beyond the basics; they are part of the SDK now, and
// these names stay for the executor's own code.
import type { ExecuteContext, NodeDescription } from '../node-sdk.ts';

export type { RequiredInputs } from '../node-sdk.ts';

export type NodeDescriptionExtras = Pick<NodeDescription, 'requiredInputs' | 'triggerKind' | 'outputsFor'>;

/** The ExecuteContext this executor builds. */
export type EngineExecuteContext = ExecuteContext;

export function extrasOf(description: NodeDescription): NodeDescriptionExtras {
  return description;
}
