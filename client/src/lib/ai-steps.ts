// The steps of an AI root node's run (an agent, a chain): each model call, tool call and memory use
// it made of its sub-nodes, in order, from the live feed while the run goes or from the recorded
// run data afterwards (up to a replay step), and the token and cost figures shown with them.
// No import of replay.ts: live.svelte.ts folds with this module, and replay.ts reads live's types.
import type { LiveMessage } from '../../../domain/index.ts';
import type { AiUsageTotals } from './types.ts';

export type AiStepKind = 'model' | 'tool' | 'memory' | 'other';

/** Tokens and cost of one model call (the engine's AiUsage). */
export interface AiCallUsage {
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
  costUsd?: number;
}


export interface AiStep {
  /** The sub-node used, and which of its uses this is. */
  node: string;
  runIndex: number;
  rootNode: string;
  connectionType: string;
  kind: AiStepKind;
  status: 'running' | 'success' | 'error' | 'waiting' | 'canceled';
  input?: unknown;
  output?: unknown;
  durationMs?: number;
  error?: string;
  usage?: AiCallUsage;
}

const KINDS: Record<string, AiStepKind> = { ai_languageModel: 'model', ai_tool: 'tool', ai_memory: 'memory' };
export const kindOf = (connectionType: string): AiStepKind => KINDS[connectionType] ?? 'other';
const keyOf = (node: string, runIndex: number) => `${node}#${runIndex}`;

/** A recorded sub-node use: the engine's task data for it (sub-nodes.ts records it this way). */
interface SubNodeTask {
  executionIndex?: number;
  startTime?: number;
  executionTime?: number;
  executionStatus?: string;
  source?: ({ previousNode: string } | null)[];
  data?: Record<string, ({ json: unknown }[] | null)[] | undefined>;
  inputOverride?: Record<string, ({ json: unknown }[] | null)[] | undefined>;
  error?: { message: string };
  aiUsage?: AiCallUsage;
}

/**
 * The uses `rootNode` made of its sub-nodes in a recorded run, in the order they happened; with
 * `shown`, only the uses among those (the steps a replay has reached).
 */
export function recordedAiSteps(runData: Record<string, unknown[]> | undefined, rootNode: string, shown?: Set<string>): AiStep[] {
  const found: { order: number; step: AiStep }[] = [];
  for (const [node, tasks] of Object.entries(runData ?? {})) {
    (tasks as SubNodeTask[]).forEach((task, runIndex) => {
      if (!task?.inputOverride || task.source?.[0]?.previousNode !== rootNode) return;
      if (shown && !shown.has(keyOf(node, runIndex))) return;
      const connectionType = Object.keys(task.inputOverride)[0] ?? 'main';
      const failed = task.executionStatus === 'error' || task.error !== undefined;
      const step: AiStep = {
        node, runIndex, rootNode, connectionType, kind: kindOf(connectionType),
        status: failed ? 'error' : ((task.executionStatus ?? 'success') as AiStep['status']),
        input: task.inputOverride[connectionType]?.[0]?.[0]?.json,
        output: task.data?.[connectionType]?.[0]?.[0]?.json,
        ...(task.executionTime !== undefined ? { durationMs: task.executionTime } : {}),
        ...(task.error ? { error: task.error.message } : {}),
      };
      const usage = task.aiUsage ?? tokenUsageOf(step.output);
      if (usage) step.usage = usage;
      found.push({ order: task.executionIndex ?? task.startTime ?? 0, step });
    });
  }
  return found.sort((a, b) => a.order - b.order).map((f) => f.step);
}

/** The (node, run index) pairs of the first `k` replay steps: what the scrubber has reached. */
export function reachedSteps(steps: { node: string; runIndex: number }[], k: number): Set<string> {
  return new Set(steps.slice(0, k).map((s) => keyOf(s.node, s.runIndex)));
}

/** `steps` with one live message folded in (the same array when the message is no sub-node use). */
export function foldLiveAiStep(steps: AiStep[], message: LiveMessage): AiStep[] {
  if (message.type === 'subnode.started') {
    const d = message.data;
    return [...steps, { node: d.node, runIndex: d.runIndex, rootNode: d.rootNode, connectionType: d.connectionType, kind: kindOf(d.connectionType), status: 'running', input: d.input }];
  }
  if (message.type !== 'subnode.finished') return steps;
  const d = message.data;
  const at = steps.findIndex((s) => s.node === d.node && s.runIndex === d.runIndex);
  // A use whose start this client missed (it began watching mid-call) is not listed.
  if (at < 0) return steps;
  const usage = d.usage ?? tokenUsageOf(d.output);
  const step: AiStep = {
    ...steps[at]!, status: d.status, durationMs: d.durationMs,
    ...(d.output !== undefined ? { output: d.output } : {}),
    ...(d.error ? { error: d.error.message } : {}),
    ...(usage ? { usage } : {}),
  };
  return steps.map((s, i) => (i === at ? step : s));
}

/** A model call's tokens as its answer records them (n8n's `tokenUsage`), when no usage came with it. */
function tokenUsageOf(output: unknown): AiCallUsage | undefined {
  const t = (output as { tokenUsage?: AiCallUsage } | undefined)?.tokenUsage;
  return t && typeof t === 'object' ? { promptTokens: t.promptTokens, completionTokens: t.completionTokens, totalTokens: t.totalTokens } : undefined;
}

/** What a model call was sent and answered: the prompt's messages, the answer's text and the tools it asked for. */
export function modelExchange(step: AiStep): { messages: string[]; answer: string; toolCalls: string[] } {
  const input = step.input as { messages?: unknown[] } | undefined;
  const messages = Array.isArray(input?.messages) ? input.messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))) : [];
  const generations = (step.output as { response?: { generations?: { text?: string; toolCalls?: { name?: string; args?: unknown }[] }[][] } } | undefined)?.response?.generations?.[0] ?? [];
  return {
    messages,
    answer: generations.map((g) => g.text ?? '').join('\n'),
    toolCalls: generations.flatMap((g) => (g.toolCalls ?? []).map((c) => `${c.name ?? '?'}(${JSON.stringify(c.args ?? {})})`)),
  };
}

/** One line of what a tool or memory use got or gave, for the list (the whole value is shown on demand). */
export function brief(value: unknown, max = 120): string {
  if (value === undefined) return '';
  const inner = value && typeof value === 'object' && Object.keys(value).length === 1 ? Object.values(value)[0] : value;
  const text = typeof inner === 'string' ? inner : JSON.stringify(inner);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The steps' model calls added up, as the run and workflow totals are. */
export function totalsOf(steps: AiStep[]): AiUsageTotals | undefined {
  const calls = steps.filter((s) => s.kind === 'model' && s.status !== 'running');
  if (calls.length === 0) return undefined;
  const sum = (pick: (u: AiCallUsage) => number | undefined) => calls.reduce((n, s) => n + (s.usage ? (pick(s.usage) ?? 0) : 0), 0);
  return {
    calls: calls.length, promptTokens: sum((u) => u.promptTokens), completionTokens: sum((u) => u.completionTokens), totalTokens: sum((u) => u.totalTokens),
    costUsd: Math.round(sum((u) => u.costUsd) * 1e8) / 1e8, unpricedCalls: calls.filter((s) => s.usage?.costUsd === undefined).length,
  };
}

const integer = new Intl.NumberFormat('en-US');

/** "1,234 tokens", "1 token". */
export const formatTokens = (n: number): string => `${integer.format(n)} token${n === 1 ? '' : 's'}`;

/** Dollars with enough digits to tell a fraction of a cent: "$0.0000042", "$0.012", "$1.25". */
export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 }).format(usd)}`;
}

/** "16 tokens · $0.0000042", with the calls whose price is not known said. */
export function usageText(totals: Pick<AiUsageTotals, 'totalTokens' | 'costUsd' | 'unpricedCalls' | 'calls'>): string {
  const priced = totals.calls - totals.unpricedCalls;
  const cost = priced > 0 ? ` · ${formatCost(totals.costUsd)}` : '';
  const unpriced = totals.unpricedCalls > 0 ? ` (${totals.unpricedCalls} call${totals.unpricedCalls === 1 ? '' : 's'} unpriced)` : '';
  return `${formatTokens(totals.totalTokens)}${cost}${unpriced}`;
}

/** One model call's figures: "16 tokens (12 in, 4 out) · $0.0000042". */
export function callUsageText(usage: AiCallUsage): string {
  const total = usage.totalTokens ?? (usage.promptTokens ?? 0) + (usage.completionTokens ?? 0);
  const split = usage.promptTokens !== undefined && usage.completionTokens !== undefined
    ? ` (${integer.format(usage.promptTokens)} in, ${integer.format(usage.completionTokens)} out)` : '';
  return `${formatTokens(total)}${split}${usage.costUsd === undefined ? '' : ` · ${formatCost(usage.costUsd)}`}`;
}
