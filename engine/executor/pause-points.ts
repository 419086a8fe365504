// The step debugger's pause points: before a node runs and after it ran. A run started from the
// editor with breakpoints parks at one (ExecutionPaused) and holds no worker; a resume replays
// the record up to the pause, passes it (applying an edited input) and goes on.
import type { Item } from '../node-sdk.ts';
import { EngineError } from './errors.ts';
import type { Breakpoint, PausedInputEdit, PausePoint, PauseWhen } from './pause-types.ts';
import type { RunContext } from './run-context.ts';
import type { StackEntry } from './run-state.ts';

export type PausedOutcome = { kind: 'paused'; node: string; when: PauseWhen };

/**
 * Passes a pause the record already has, or asks `pauseAt` whether to pause here (only past the
 * record: a step taken before is never paused again). Resolves the outcome to return when the run
 * pauses; undefined lets it go on.
 */
export async function pausePoint(rc: RunContext, entry: StackEntry, runIndex: number, when: PauseWhen, output?: Item[][]): Promise<PausedOutcome | undefined> {
  const point: PausePoint = { node: entry.node.name, runIndex, when };
  const recorded = rc.replay?.passPause(point);
  if (recorded?.kind === 'passed') {
    if (when === 'before' && recorded.edit) applyEdit(entry, recorded.edit);
    return undefined;
  }
  if (recorded?.kind === 'parked') throw new EngineError(`The run is paused ${when} '${point.node}' and was not resumed`);
  if (recorded?.kind === 'inRecord' || !rc.options.pauseAt?.(point)) return undefined;
  await rc.options.recorder.record('ExecutionPaused', {
    ...point,
    pausedAt: new Date(rc.now()).toISOString(),
    ...(when === 'before' ? { input: entry.data.main } : { output: output ?? [] }),
  });
  return { kind: 'paused', node: point.node, when };
}

/** Builds `pauseAt` from the editor's breakpoints; after a step the next node's start pauses too. */
export function breakpointPauser(breakpoints: readonly Breakpoint[], stepping: boolean): ((point: PausePoint) => boolean) | undefined {
  if (breakpoints.length === 0 && !stepping) return undefined;
  return (point) => (stepping && point.when === 'before') || breakpoints.some((b) => b.node === point.node && b.when === point.when);
}

function applyEdit(entry: StackEntry, edit: PausedInputEdit): void {
  const main = [...entry.data.main];
  while (main.length <= edit.input) main.push(null);
  main[edit.input] = edit.items.map((item, index) => ({ ...item, pairedItem: edit.input ? { item: index, input: edit.input } : { item: index } }));
  entry.data = { main };
}
