// Runs of the open workflow: starting one (by hand, from a node, as a retry, or by listening for a
// test call of its webhooks), following it on the canvas (live messages, or polling when the live
// feed is down) and the last run's data, which the node panel shows and expressions preview against.
import type { LiveMessage } from '../../../domain/index.ts';
import type { Api } from './api.ts';
import type { RunView } from './live.svelte.ts';
import { statesAt, stepsOf, type RunData } from './replay.ts';
import type { ReplayVersion } from './replay-diff.ts';
import type { AiUsageTotals } from './types.ts';

export interface Execution {
  status: string;
  /** Its model calls added up, when it made any. */
  aiUsage?: AiUsageTotals;
  /** The run this one re-ran or retried: a replay, whose diff with it the canvas shows. */
  rerunOf?: string;
  retryOf?: string;
  data?: { resultData: { runData: RunData; error?: { message: string; description?: string; node?: string } } };
}

/** A test listener the server holds for this workflow: its webhooks' test URLs, until it expires. */
export interface Listening {
  expiresAt: string;
  webhooks: { method: string; node: string; url: string }[];
}

const POLL_MS = 500;

export class Runs {
  running = $state(false);
  /** The data of the latest finished run (or of the one being replayed). */
  lastRunData = $state<RunData>();
  /** The run `lastRunData` is of, once loaded (until then a run's AI steps come from the live feed). */
  lastRunId = $state<string>();
  /** Bumped whenever a run starts or ends, so run lists reload. */
  changes = $state(0);
  /** Set while the server waits for one call of a test webhook URL. */
  listening = $state<Listening>();
  /** Whether live messages arrive; without them a started run is polled. */
  live = false;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: Api,
    private readonly workflowId: () => string,
    readonly view: RunView,
  ) {}

  fetch(id: string): Promise<Execution> {
    return this.api.request<Execution>(`/api/v1/executions/${id}`, { query: { includeData: true } });
  }

  /** Folds a live message of this workflow's room. */
  take(message: LiveMessage): void {
    this.view.take(message);
    // A manual run starting while listening is the test call arriving: the listener is used up.
    if (message.type === 'run.started' && this.listening && message.data.mode === 'manual' && message.executionId) {
      this.endListening();
      this.follow(message.executionId);
    }
    if (message.type === 'run.started') this.changes++;
    if (message.type === 'run.finished') {
      this.running = false;
      this.changes++;
      if (message.executionId) void this.loadData(message.executionId);
    }
  }

  async loadData(id: string): Promise<void> {
    try {
      this.lastRunData = (await this.fetch(id)).data?.resultData.runData;
      this.lastRunId = id;
    } catch {
      // The panel simply shows no data.
    }
  }

  async loadLast(): Promise<void> {
    try {
      const page = await this.api.request<{ data: { id: string }[] }>('/api/v1/executions', { query: { workflowId: this.workflowId(), limit: 1 } });
      if (page.data[0]) await this.loadData(page.data[0].id);
    } catch {
      // No runs yet, or no access to them.
    }
  }

  /** Starts a run of the workflow (`body` as POST …/run takes it) and follows it. */
  async start(body: Record<string, unknown>): Promise<string> {
    const { executionId } = await this.api.request<{ executionId: string }>(`/api/v1/workflows/${this.workflowId()}/run`, { method: 'POST', body });
    this.follow(executionId);
    return executionId;
  }

  /**
   * Asks the server to wait for one call of the workflow's test webhook URLs (n8n's "Listen for
   * test event"); the call runs the workflow, which then shows live like any run.
   */
  async listen(): Promise<Listening> {
    const listening = await this.api.request<Listening>(`/api/v1/workflows/${this.workflowId()}/test-webhook`, { method: 'POST' });
    this.listening = listening;
    clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.endListening(), Math.max(0, Date.parse(listening.expiresAt) - Date.now()));
    if (!this.live) void this.pollForCall(listening);
    return listening;
  }

  async stopListening(): Promise<void> {
    this.endListening();
    await this.api.request(`/api/v1/workflows/${this.workflowId()}/test-webhook`, { method: 'DELETE' });
  }

  private endListening(): void {
    clearTimeout(this.expiry);
    this.listening = undefined;
  }

  /** Without the live feed, a test call's run is found in the list of runs. */
  private async pollForCall(listening: Listening): Promise<void> {
    const since = new Date(Date.now() - 1000).toISOString();
    while (this.listening === listening) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const page = await this.api.request<{ data: { id: string }[] }>('/api/v1/executions', { query: { workflowId: this.workflowId(), mode: 'manual', since, limit: 1 } }).catch(() => undefined);
      const id = page?.data[0]?.id;
      if (id && this.listening === listening) {
        this.endListening();
        this.follow(id);
      }
    }
  }

  /** Retries a failed run from its failed node, as a new run. */
  async retry(id: string): Promise<string> {
    const { executionId } = await this.api.request<{ executionId: string }>(`/api/v1/executions/${id}/retry`, { method: 'POST', body: {} });
    this.follow(executionId);
    return executionId;
  }

  /**
   * Runs a recorded run again from one of its nodes, as it ran (POST …/rerun), with the model
   * answers it recorded for the same prompts (no model called) or with the models asked again,
   * on the version it ran (default), the draft, the published version or a revision.
   */
  async rerun(id: string, body: { node: string; input?: { json: Record<string, unknown> }[]; reuseAnswers?: boolean; version?: ReplayVersion }): Promise<string> {
    const { executionId } = await this.api.request<{ executionId: string }>(`/api/v1/executions/${id}/rerun`, { method: 'POST', body });
    this.follow(executionId);
    return executionId;
  }

  private follow(id: string): void {
    // The live feed may have announced it already.
    if (this.view.executionId !== id) this.view.reset(id);
    this.running = true;
    if (!this.live) void this.poll(id);
  }

  /** Without the live feed, follow the run by asking for it until it ends. */
  private async poll(id: string): Promise<void> {
    for (let i = 0; i < 1200 && this.running && this.view.executionId === id; i++) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const execution = await this.fetch(id).catch(() => undefined);
      if (!execution) continue;
      const runData = execution.data?.resultData.runData ?? {};
      const steps = stepsOf(runData);
      this.view.nodes = statesAt(steps, steps.length);
      if (execution.status !== 'running' && execution.status !== 'new') {
        this.view.status = execution.status as typeof this.view.status;
        this.lastRunData = runData;
        this.lastRunId = id;
        this.running = false;
        this.changes++;
      }
    }
  }
}
