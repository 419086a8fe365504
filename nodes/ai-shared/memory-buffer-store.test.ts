import { HumanMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { createBufferStore } from './memory-buffer-store.ts';

describe('Simple Memory buffer store', () => {
  it('keeps one history per workflow and session, and drops histories unused for an hour', async () => {
    let clock = 0;
    const store = createBufferStore(() => clock);
    await store.history('wf1', 's1').addMessage(new HumanMessage('a'));
    expect(await store.history('wf1', 's1').getMessages()).toHaveLength(1);
    expect(await store.history('wf2', 's1').getMessages()).toHaveLength(0);
    expect(await store.history('wf1', 's2').getMessages()).toHaveLength(0);
    clock = 59 * 60 * 1000;
    expect(await store.history('wf1', 's1').getMessages()).toHaveLength(1);
    clock += 61 * 60 * 1000;
    expect(await store.history('wf1', 's1').getMessages()).toHaveLength(0);
  });
});
