// The step debugger in the editor: the breakpoints set on this workflow's nodes (sent with a run
// started here), where the shown run is paused (from the live feed), and the commands on it.
import type { LiveMessage } from '../../../domain/index.ts';
import type { Api } from './api.ts';

export type PauseWhen = 'before' | 'after';

/** Where the shown run is paused, with the node's input (before) or output (after) once loaded. */
export interface PausedAt {
  executionId: string;
  node: string;
  runIndex: number;
  when: PauseWhen;
  input?: ({ json: Record<string, unknown> }[] | null)[];
  output?: { json: Record<string, unknown> }[][];
}

export class StepDebugger {
  /** Node name → the pause points set on it. */
  breakpoints = $state<Record<string, PauseWhen[]>>({});
  paused = $state<PausedAt>();
  /** A command is on its way (the buttons wait). */
  busy = $state(false);

  constructor(private readonly api: Api) {}

  /** Sets or clears a breakpoint on a node. */
  toggle(node: string, when: PauseWhen = 'before'): void {
    const set = this.breakpoints[node] ?? [];
    const next = set.includes(when) ? set.filter((w) => w !== when) : [...set, when];
    const { [node]: _old, ...rest } = this.breakpoints;
    this.breakpoints = next.length ? { ...rest, [node]: next } : rest;
  }

  /** The breakpoints of nodes still in the workflow, as POST …/run takes them. */
  requestBody(nodeNames: string[]): { breakpoints?: { node: string; when: PauseWhen }[] } {
    const list = Object.entries(this.breakpoints)
      .filter(([node]) => nodeNames.includes(node))
      .flatMap(([node, whens]) => whens.map((when) => ({ node, when })));
    return list.length ? { breakpoints: list } : {};
  }

  /** Follows the shown run's live messages: a pause shows the bar, a resume or the end hides it. */
  take(message: LiveMessage, shownRun: string | undefined): void {
    if (!message.executionId || message.executionId !== shownRun) return;
    if (message.type === 'run.paused') {
      this.paused = { executionId: message.executionId, node: message.data.node, runIndex: message.data.runIndex, when: message.data.when };
      void this.load(message.executionId);
    } else if (message.type === 'run.resumed' || message.type === 'run.finished' || message.type === 'run.started') {
      this.paused = undefined;
    }
  }

  /** Reads where a run is paused (after a reload, or for the items). */
  async load(executionId: string): Promise<void> {
    try {
      this.paused = await this.api.request<PausedAt>(`/api/v1/executions/${executionId}/debug`);
      this.paused.executionId = executionId;
    } catch {
      // Not paused (any more): the live feed says what happened instead.
    }
  }

  continue = () => this.command('continue');
  step = () => this.command('step');
  abort = () => this.command('abort');

  /** Replaces the paused node's first input with these items (paused before it only). */
  async editInput(items: { json: Record<string, unknown> }[]): Promise<void> {
    const at = this.paused;
    if (!at) return;
    await this.api.request(`/api/v1/executions/${at.executionId}/debug/input`, { method: 'POST', body: { items } });
    if (this.paused === at) this.paused = { ...at, input: [items, ...(at.input ?? []).slice(1)] };
  }

  private async command(how: 'continue' | 'step' | 'abort'): Promise<void> {
    const at = this.paused;
    if (!at || this.busy) return;
    this.busy = true;
    try {
      await this.api.request(`/api/v1/executions/${at.executionId}/debug/${how}`, { method: 'POST', body: {} });
      if (this.paused === at) this.paused = undefined;
    } finally {
      this.busy = false;
    }
  }
}
