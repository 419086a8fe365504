// An AI Agent's run in the editor, in real Chromium against a real server and a local stand-in of
// OpenAI's API: the agent's panel lists its steps (two model calls with their tokens and cost, the
// Calculator call between them), the runs panel shows the run's and the workflow's tokens and cost,
// the replay scrubber shows the steps reached so far, and a re-run that reuses the recorded answers
// sends nothing to the model while one that calls the models again does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLlmStandIn, type LlmStandIn } from '../../nodes/index.ts';
import { chromiumAvailable, ownerApi, screenshot, settled, signedInPage, startHarness, within, type Harness } from './harness.ts';

const AI = '@n8n/n8n-nodes-langchain';

function agentWorkflow(credentialId: string) {
  return {
    name: 'Agent that counts', settings: { executionOrder: 'v1' },
    nodes: [
      { id: 's', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'a', name: 'AI Agent', type: `${AI}.agent`, typeVersion: 2.2, position: [260, 0], parameters: { promptType: 'define', text: '={{ $json.chatInput }}', options: {} } },
      {
        id: 'm', name: 'OpenAI Chat Model', type: `${AI}.lmChatOpenAi`, typeVersion: 1.2, position: [180, 260],
        parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: { maxRetries: 0 } },
        credentials: { openAiApi: { id: credentialId, name: 'Stand-in OpenAI' } },
      },
      { id: 'c', name: 'Calculator', type: `${AI}.toolCalculator`, typeVersion: 1, position: [380, 260], parameters: {} },
    ],
    connections: {
      Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
      'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
      Calculator: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
    },
    pinData: { Start: [{ json: { chatInput: 'What is six times seven?' } }] },
  };
}

type Run = { id: string; status: string; rerunOf?: string; aiUsage?: { calls: number; totalTokens: number } };

describe.skipIf(!chromiumAvailable())('AI runs in the editor', () => {
  let h: Harness;
  let llm: LlmStandIn;
  beforeAll(async () => {
    [h, llm] = await Promise.all([startHarness(), startLlmStandIn()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([h?.close(), llm?.close()]);
  });

  const chatCalls = () => llm.requests.filter((r) => r.path === '/v1/chat/completions').length;

  it("shows an agent's steps, tokens and cost, and re-runs with the recorded answers or fresh ones", async () => {
    const credential = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/credentials', { name: 'Stand-in OpenAI', type: 'openAiApi', data: { apiKey: llm.apiKey, url: llm.openAiUrl } });
    const workflow = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', agentWorkflow(credential.id));
    const runs = async () => (await ownerApi<{ data: Run[] }>(h, 'GET', `/api/v1/executions?workflowId=${workflow.id}`)).data;
    // The first AI run loads the AI packages into the execution thread: a run of another workflow
    // (answered by the stand-in's echo) does that while the browser signs in.
    const other = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', { ...agentWorkflow(credential.id), name: 'Warm-up' });
    const warmUp = ownerApi<{ status: string }>(h, 'POST', `/api/v1/workflows/${other.id}/run?wait=true`, {});

    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${workflow.id}`);
    await page.waitForSelector('[data-testid="save-state"][data-sync]');
    // The agent's panel is open while the run goes, on its run data tab.
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="AI Agent"])'))).dblclick();
    await page.click('[data-testid="tab-data"]');
    await page.waitForSelector('[data-testid="ai-steps"]');
    expect((await warmUp).status).toBe('success');
    const before = chatCalls();
    // gpt-4o-mini: $0.15 per million prompt tokens, $0.60 per million completion tokens.
    llm.script(
      { toolCalls: [{ name: 'calculator', args: { input: '6 * 7' } }], usage: { input: 12, output: 4 } },
      { text: 'Six times seven is 42.', usage: { input: 20, output: 6 } },
    );
    await page.click('[data-testid="run-workflow"]');
    await page.waitForSelector('[data-testid="run-banner"][data-status="success"]', { timeout: 15_000 });

    const steps = page.locator('[data-testid="node-panel"] [data-testid="ai-step"]');
    await within(5_000, async () => (await steps.count()) === 3, 'the three steps are listed');
    expect(await steps.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-kind')}:${el.getAttribute('data-status')}`)))
      .toEqual(['model:success', 'tool:success', 'model:success']);
    expect(await steps.nth(0).locator('[data-testid="ai-step-tokens"]').textContent()).toBe('16 tokens (12 in, 4 out) · $0.0000042');
    expect(await steps.nth(2).locator('[data-testid="ai-step-tokens"]').textContent()).toBe('26 tokens (20 in, 6 out) · $0.0000066');
    expect(await steps.nth(0).locator('[data-testid="ai-step-latency"]').textContent()).toMatch(/^\d+ ms$|^\d+([.,]\d)? s$/);
    expect(await page.textContent('[data-testid="ai-steps-total"]')).toBe('42 tokens · $0.000011');
    // A model call opens on its prompt and answer.
    await steps.nth(2).locator('summary').click();
    expect(await steps.nth(2).locator('[data-testid="ai-step-answer"]').textContent()).toBe('Six times seven is 42.');
    expect(await steps.nth(2).locator('pre.message').first().textContent()).toContain('What is six times seven?');
    expect(await steps.nth(1).locator('.gist').textContent()).toContain('6 * 7');
    await screenshot(page, '95-ai-agent-steps');
    expect(chatCalls() - before).toBe(2);

    // The runs panel: the run's figure and the workflow's.
    await page.click('[data-testid="toggle-runs"]');
    await page.waitForSelector('[data-testid="run-entry"] [data-testid="run-ai-usage"]');
    expect(await page.textContent('[data-testid="run-entry"] [data-testid="run-ai-usage"]')).toBe('42 tokens · $0.000011');
    expect(await page.textContent('[data-testid="workflow-ai-usage"]')).toBe('AI, 1 run: 42 tokens · $0.000011');

    // Replayed: the run's figure on the bar, and the steps as far as the scrubber has gone.
    await page.click('[data-testid="run-entry"]');
    await page.waitForSelector('[data-testid="replay"] [data-testid="run-ai-usage"]');
    const scrubber = page.locator('[data-testid="replay-scrubber"]');
    const total = Number(await scrubber.getAttribute('max'));
    await scrubber.fill('0');
    await within(3_000, async () => (await steps.count()) === 0, 'no step before the run began');
    for (let k = 1; k <= total; k++) {
      await scrubber.fill(String(k));
      if ((await page.textContent('[data-testid="replay"]'))?.includes(`Step ${k} of ${total}: Calculator`)) break;
    }
    await within(3_000, async () => (await steps.count()) === 2, 'the steps up to the tool call');
    await scrubber.fill(String(total));
    await within(3_000, async () => (await steps.count()) === 3, 'every step at the end');

    // Re-run from the agent reusing the recorded answers: the model is not called.
    await page.click('[data-testid="node-panel"] [aria-label="Close panel"]');
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="AI Agent"])'))).click();
    await page.click('[data-testid="rerun-from"]');
    expect(await page.isChecked('[data-testid="rerun-reuse"]')).toBe(true);
    await screenshot(page, '96-ai-rerun-choice');
    await page.click('[data-testid="rerun-start"]');
    await within(10_000, async () => (await runs()).filter((r) => r.rerunOf && r.status === 'success').length === 1, 'the re-run has ended');
    expect(chatCalls() - before).toBe(2);
    expect((await runs()).find((r) => r.rerunOf)?.aiUsage).toMatchObject({ calls: 2, totalTokens: 0 });

    // Again, calling the models: the stand-in answers anew.
    llm.script({ text: 'Still 42.', usage: { input: 10, output: 2 } });
    const original = page.locator('[data-testid="run-entry"]').filter({ hasNot: page.locator('[data-testid="run-origin"]') });
    // The re-run spent nothing, and its entry says so.
    const rerunFigure = page.locator('[data-testid="run-entry"]:has([data-testid="run-origin"]) [data-testid="run-ai-usage"]');
    await within(5_000, async () => (await rerunFigure.count()) === 1 && (await rerunFigure.textContent()) === '0 tokens · $0', "the re-run's figure is listed");
    await original.click();
    await page.waitForSelector('[data-testid="replay"]');
    await (await settled(page.locator('.svelte-flow__node:has([data-node-name="AI Agent"])'))).click();
    await page.click('[data-testid="rerun-from"]');
    await page.check('[data-testid="rerun-call-again"]');
    await page.click('[data-testid="rerun-start"]');
    await within(10_000, async () => (await runs()).filter((r) => r.rerunOf && r.status === 'success').length === 2, 'the second re-run has ended');
    expect(chatCalls() - before).toBe(3);
    expect(h.consoleErrors).toEqual([]);
    await context.close();
  }, 90_000);
});
