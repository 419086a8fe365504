// The step debugger's vocabulary, shared by the run options, the replay and the run's events.
import type { Item } from '../node-sdk.ts';

export type PauseWhen = 'before' | 'after';

/** Where a run may pause: a node's run (by run index), before or after it. */
export interface PausePoint {
  node: string;
  runIndex: number;
  when: PauseWhen;
}

/** A breakpoint as the editor sends it: every run of the node pauses there. */
export interface Breakpoint {
  node: string;
  when: PauseWhen;
}

/** How a paused run was told to go on. */
export type ResumeHow = 'continue' | 'step';

/** The paused node's input replaced before it runs (recorded as PausedInputEdited). */
export interface PausedInputEdit {
  /** Which input of the node (0 for most nodes). */
  input: number;
  items: Item[];
}
