// The Evaluation node's metrics (operation setMetrics), each answering `{[metric name]: number}`:
// deterministic ones (categorization, string similarity, tools used, custom) and the model-as-judge
// ones (correctness, helpfulness), which ask the chat model wired into the node for a 1–5 score.
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { NodeOperationError, type ExecuteContext, type JsonObject } from '../../engine/index.ts';
import { chatModel } from '../ai-shared/chain-inputs.ts';
import { collection, param } from '../transform-shared/params.ts';
import { CORRECTNESS_INPUT_PROMPT, CORRECTNESS_PROMPT, HELPFULNESS_INPUT_PROMPT, HELPFULNESS_PROMPT } from './judge-prompts.ts';

export type Metrics = Record<string, number>;

/** The metrics that need a chat model connected (n8n's metricRequiresModelConnection). */
export const JUDGED_METRICS = ['correctness', 'helpfulness'];

/** 1 − edit distance ÷ the longer length: 1 for equal strings, 0 for nothing in common. */
export function stringSimilarity(expected: string, actual: string): number {
  const longer = Math.max(expected.length, actual.length);
  return longer === 0 ? 1 : 1 - distance(expected, actual) / longer;
}

/** n8n's tool names: a node name with anything but letters, digits, _ and - made `_`. */
function toolName(nodeName: string): string {
  return nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_').toLowerCase();
}

function text(ctx: ExecuteContext, name: string, i: number): string {
  const value = param<unknown>(ctx, name, i, '');
  return (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value)).trim();
}

function required(ctx: ExecuteContext, name: string, label: string, i: number): string {
  const value = text(ctx, name, i);
  if (!value) throw new NodeOperationError(ctx.node.name, `${label} is missing`, { itemIndex: i, description: `Fill in the ${label.toLowerCase()}` });
  return value;
}

/** The name the score is recorded under: Options › Metric Name (n8n 4.7+ also as a top-level field). */
function metricName(ctx: ExecuteContext, i: number, fallback: string): string {
  const option = collection(ctx, 'options', i).metricName;
  const name = typeof option === 'string' && option ? option : param(ctx, 'metricName', i, fallback);
  return String(name || fallback);
}

const judgement = z.object({
  extended_reasoning: z.string().describe('step-by-step analysis behind the score'),
  reasoning_summary: z.string().describe('the reason for the score in one sentence'),
  score: z.number().int().min(1).max(5).describe('the score, an integer from 1 to 5'),
});

async function judge(ctx: ExecuteContext, i: number, system: string, input: string): Promise<number> {
  const model = await chatModel(ctx, i);
  if (!model) throw new NodeOperationError(ctx.node.name, 'No language model connected', { itemIndex: i, description: 'Connect a chat model to the Model input to use this metric' });
  try {
    const structured = model.withStructuredOutput(judgement);
    const answer = await structured.invoke([new SystemMessage(system), new HumanMessage(input)], { signal: ctx.signal });
    return answer.score;
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, 'The model could not grade the answer', { itemIndex: i, description: `Error from the language model: ${(error as Error).message}` });
  }
}

/** Exact match: 1 when the answers are the same string (trimmed), else 0. */
async function exactMatch(ctx: ExecuteContext, i: number, fallbackName: string): Promise<Metrics> {
  const expected = required(ctx, 'expectedAnswer', 'Expected answer', i);
  const actual = required(ctx, 'actualAnswer', 'Actual answer', i);
  return { [metricName(ctx, i, fallbackName)]: expected === actual ? 1 : 0 };
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

export const metricHandlers: Record<string, (ctx: ExecuteContext, i: number) => Promise<Metrics>> = {
  async correctness(ctx, i) {
    const expected = required(ctx, 'expectedAnswer', 'Expected answer', i);
    const actual = required(ctx, 'actualAnswer', 'Actual answer', i);
    const input = String(collection(ctx, 'options', i).inputPrompt ?? CORRECTNESS_INPUT_PROMPT);
    const score = await judge(ctx, i, String(param(ctx, 'prompt', i, CORRECTNESS_PROMPT)), fill(input, { actual_answer: actual, expected_answer: expected }));
    return { [metricName(ctx, i, 'Correctness')]: score };
  },
  async helpfulness(ctx, i) {
    const query = required(ctx, 'userQuery', 'User query', i);
    const actual = required(ctx, 'actualAnswer', 'Response', i);
    const input = String(collection(ctx, 'options', i).inputPrompt ?? HELPFULNESS_INPUT_PROMPT);
    const score = await judge(ctx, i, String(param(ctx, 'prompt', i, HELPFULNESS_PROMPT)), fill(input, { user_query: query, actual_answer: actual }));
    return { [metricName(ctx, i, 'Helpfulness')]: score };
  },
  async stringSimilarity(ctx, i) {
    const expected = required(ctx, 'expectedAnswer', 'Expected answer', i);
    const actual = required(ctx, 'actualAnswer', 'Actual answer', i);
    return { [metricName(ctx, i, 'String similarity')]: stringSimilarity(expected, actual) };
  },
  categorization: (ctx, i) => exactMatch(ctx, i, 'Categorization'),
  // n8n 4.7 renamed Categorization to Accuracy; both compare the same way.
  accuracy: (ctx, i) => exactMatch(ctx, i, 'Accuracy'),
  async toolsUsed(ctx, i) {
    const expected = text(ctx, 'expectedTools', i).split(',').map((t) => t.trim()).filter(Boolean);
    if (expected.length === 0) throw new NodeOperationError(ctx.node.name, 'Expected tool name missing', { itemIndex: i, description: 'Add at least one expected tool name (comma-separated for several)' });
    const steps = param<unknown>(ctx, 'intermediateSteps', i, []);
    if (!Array.isArray(steps)) throw new NodeOperationError(ctx.node.name, 'Intermediate steps missing', { itemIndex: i, description: "Turn on returning intermediate steps in the agent's options, then map them in here" });
    const used = new Set(steps.map((s) => String((s as { action?: { tool?: unknown } })?.action?.tool ?? '').toLowerCase()));
    const hits = expected.filter((tool) => used.has(toolName(tool)));
    return { [metricName(ctx, i, 'Tools Used')]: hits.length / expected.length };
  },
  async customMetrics(ctx, i) {
    const value = param<unknown>(ctx, 'metrics', i, { assignments: [] }) as { assignments?: JsonObject[] };
    return Object.fromEntries((value?.assignments ?? []).map((a) => {
      const name = String(a.name ?? '');
      if (!name) throw new NodeOperationError(ctx.node.name, 'Metric name missing', { itemIndex: i, description: 'Give each metric a name' });
      const number = typeof a.value === 'number' ? a.value : Number(a.value);
      if (a.value === '' || a.value === null || Number.isNaN(number)) {
        throw new NodeOperationError(ctx.node.name, `Value for '${name}' isn't a number`, { itemIndex: i, description: `It's currently '${String(a.value)}'. Metrics must be numeric.` });
      }
      return [name, number];
    }));
  },
};
