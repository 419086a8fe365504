// What parameter fields need besides their own value: the API for previews and credentials,
// and where they sit.
import type { Api } from '../lib/api.ts';
import type { Listening } from '../lib/runs.svelte.ts';
import type { WorkflowDefinition } from '../lib/types.ts';

export interface PanelContext {
  api: Api;
  workflowId: string;
  nodeName: string;
  typeVersion: number;
  readOnly: boolean;
  definition(): WorkflowDefinition;
  /** The `json` of the node's input items in the last run (a sample), for completing `$json.`. */
  inputSamples(): readonly Record<string, unknown>[];
}

/** Test calls of a workflow's webhooks: where they go, and listening for one. */
export interface TestCalls {
  urls: { webhook: string; webhookTest: string };
  listening: Listening | undefined;
  listen(): void;
  stop(): void;
  /** Puts a URL on the clipboard and says whether that worked. */
  copy(url: string): void;
}
