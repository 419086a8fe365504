// Sharing a resource with other workspaces: the same rules for workflows and credentials.
import { ConflictError } from './errors.ts';

interface Shareable {
  workspaceId?: string;
  sharedWith: string[];
}

/** Whether sharing with `target` changes anything; sharing with the owning workspace is refused. */
export function shareChanges(state: Shareable, target: string, share: boolean, what: string): boolean {
  if (share && target === state.workspaceId) throw new ConflictError(`A ${what} is not shared with its own workspace`);
  return state.sharedWith.includes(target) !== share;
}

export function withSharing(sharedWith: string[], target: string, share: boolean): string[] {
  const others = sharedWith.filter((w) => w !== target);
  return share ? [...others, target] : others;
}
