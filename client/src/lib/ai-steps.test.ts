// An AI root node's steps: from recorded run data (in order, up to a replay step), from the live
// feed, and the figures shown for tokens and cost.
import { describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../../domain/index.ts';
import {
  brief, callUsageText, foldLiveAiStep, formatCost, modelExchange, reachedSteps, recordedAiSteps, totalsOf, usageText, type AiStep,
} from './ai-steps.ts';

/** A sub-node use as the engine records it in run data. */
const use = (root: string, type: string, executionIndex: number, input: unknown, output: unknown, extra: Record<string, unknown> = {}) => ({
  executionIndex, startTime: 1000 + executionIndex, executionTime: 40, executionStatus: 'success', source: [{ previousNode: root }],
  data: { main: [], [type]: [[{ json: output }]] }, inputOverride: { [type]: [[{ json: input }]] }, ...extra,
});

const answer = (text: string, toolCalls?: unknown[]) => ({
  response: { generations: [[{ text, ...(toolCalls ? { toolCalls } : {}) }]] }, tokenUsage: { promptTokens: 12, completionTokens: 4, totalTokens: 16 },
});

const runData = {
  Start: [{ executionIndex: 0, data: { main: [[{ json: { q: 'six times seven?' } }]] } }],
  'AI Agent': [{ executionIndex: 1, source: [{ previousNode: 'Start' }], data: { main: [[{ json: { output: '42' } }]] } }],
  'Chat Model': [
    use('AI Agent', 'ai_languageModel', 3, { messages: ['System: be brief', 'Human: six times seven?'] }, answer('', [{ name: 'calculator', args: { input: '6*7' } }]),
      { aiUsage: { model: 'gpt-4o-mini', promptTokens: 12, completionTokens: 4, totalTokens: 16, costUsd: 0.0000042 } }),
    use('AI Agent', 'ai_languageModel', 5, { messages: ['Human: six times seven?'] }, answer('Forty-two.')),
  ],
  Memory: [use('AI Agent', 'ai_memory', 2, { action: 'loadMemoryVariables', values: {} }, { action: 'loadMemoryVariables', chatHistory: [] })],
  Calculator: [use('AI Agent', 'ai_tool', 4, { query: '6*7' }, { response: '42' })],
  'Other Model': [use('Another Chain', 'ai_languageModel', 6, { messages: [] }, answer('x'))],
};

describe("an AI root node's recorded steps", () => {
  it('lists its model calls, tool calls and memory uses in the order they happened, and no other root\'s', () => {
    const steps = recordedAiSteps(runData, 'AI Agent');
    expect(steps.map((s) => `${s.kind}:${s.node}#${s.runIndex}`)).toEqual(['memory:Memory#0', 'model:Chat Model#0', 'tool:Calculator#0', 'model:Chat Model#1']);
    expect(steps[1]).toMatchObject({ status: 'success', durationMs: 40, usage: { totalTokens: 16, costUsd: 0.0000042 } });
    // Without a usage record the answer's tokenUsage tells the tokens (no cost known).
    expect(steps[3]!.usage).toEqual({ promptTokens: 12, completionTokens: 4, totalTokens: 16 });
    expect(recordedAiSteps(runData, 'Start')).toEqual([]);
  });

  it('shows only the uses a replay has reached', () => {
    const replaySteps = Object.entries(runData).flatMap(([node, tasks]) => tasks.map((t, runIndex) => ({ node, runIndex, i: t.executionIndex })))
      .sort((a, b) => a.i - b.i);
    expect(recordedAiSteps(runData, 'AI Agent', reachedSteps(replaySteps, 4)).map((s) => s.node)).toEqual(['Memory', 'Chat Model']);
    expect(recordedAiSteps(runData, 'AI Agent', reachedSteps(replaySteps, 0))).toEqual([]);
  });

  it("reads a model call's prompt, answer and requested tools", () => {
    const [, first, , last] = recordedAiSteps(runData, 'AI Agent');
    expect(modelExchange(first!)).toEqual({ messages: ['System: be brief', 'Human: six times seven?'], answer: '', toolCalls: ['calculator({"input":"6*7"})'] });
    expect(modelExchange(last!).answer).toBe('Forty-two.');
  });

  it('marks a failed use with its error', () => {
    const failed = { 'Chat Model': [{ ...use('AI Agent', 'ai_languageModel', 1, { messages: [] }, undefined), executionStatus: 'error', error: { message: 'Rate limited' }, data: { main: [] } }] };
    expect(recordedAiSteps(failed, 'AI Agent')[0]).toMatchObject({ status: 'error', error: 'Rate limited', output: undefined });
  });
});

describe('live AI steps', () => {
  const message = (type: string, data: object, revision: number) =>
    ({ room: 'workflow:w', workflowId: 'w', executionId: 'e', stream: 'execution-e', revision, position: revision, at: '', type, data }) as unknown as LiveMessage;

  it('adds a use when it starts and completes it when it finishes', () => {
    let steps: AiStep[] = [];
    steps = foldLiveAiStep(steps, message('subnode.started', { node: 'Chat Model', runIndex: 0, rootNode: 'AI Agent', connectionType: 'ai_languageModel', input: { messages: ['Human: hi'] } }, 3));
    expect(steps).toMatchObject([{ node: 'Chat Model', kind: 'model', status: 'running', rootNode: 'AI Agent' }]);
    expect(totalsOf(steps)).toBeUndefined();
    steps = foldLiveAiStep(steps, message('subnode.started', { node: 'Calculator', runIndex: 0, rootNode: 'AI Agent', connectionType: 'ai_tool', input: { query: '1+1' } }, 4));
    steps = foldLiveAiStep(steps, message('subnode.finished', {
      node: 'Chat Model', runIndex: 0, status: 'success', durationMs: 120, output: answer('Hello'), usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5, costUsd: 0.000002 },
    }, 5));
    expect(steps[0]).toMatchObject({ status: 'success', durationMs: 120, usage: { totalTokens: 5 } });
    expect(steps[1]).toMatchObject({ status: 'running', kind: 'tool' });
    expect(totalsOf(steps)).toEqual({ calls: 1, promptTokens: 3, completionTokens: 2, totalTokens: 5, costUsd: 0.000002, unpricedCalls: 0 });
  });

  it('ignores other messages and the end of a use it never saw start', () => {
    const steps: AiStep[] = [];
    expect(foldLiveAiStep(steps, message('node.started', { node: 'x', runIndex: 0, executionIndex: 0, inputItemCounts: [] }, 1))).toBe(steps);
    expect(foldLiveAiStep(steps, message('subnode.finished', { node: 'Chat Model', runIndex: 2, status: 'success', durationMs: 1 }, 2))).toEqual([]);
  });
});

describe('token and cost figures', () => {
  it('says a fraction of a cent with enough digits', () => {
    expect(formatCost(0)).toBe('$0');
    expect(formatCost(0.0000042)).toBe('$0.0000042');
    expect(formatCost(0.01234)).toBe('$0.012');
    expect(formatCost(3.5)).toBe('$3.50');
  });

  it('adds the unpriced calls to a total instead of hiding them', () => {
    expect(usageText({ calls: 1, totalTokens: 16, costUsd: 0.0000042, unpricedCalls: 0 })).toBe('16 tokens · $0.0000042');
    expect(usageText({ calls: 2, totalTokens: 1234, costUsd: 0, unpricedCalls: 2 })).toBe('1,234 tokens (2 calls unpriced)');
    expect(callUsageText({ promptTokens: 12, completionTokens: 4, totalTokens: 16, costUsd: 0.0000042 })).toBe('16 tokens (12 in, 4 out) · $0.0000042');
    expect(callUsageText({ totalTokens: 1 })).toBe('1 token');
  });

  it('shortens what a tool got to one line', () => {
    expect(brief({ query: '6*7' })).toBe('6*7');
    expect(brief({ a: 1, b: 2 })).toBe('{"a":1,"b":2}');
    expect(brief('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
