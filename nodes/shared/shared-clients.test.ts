import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeSharedClients, credentialKey, sharedClients } from './shared-clients.ts';

afterEach(() => vi.useRealTimers());

describe('shared clients', () => {
  it('opens one client per key for concurrent uses and closes it once idle', async () => {
    vi.useFakeTimers();
    const closed: string[] = [];
    const pool = sharedClients<{ id: string }>(async (c) => void closed.push(c.id), 1_000);
    let opened = 0;
    const open = async () => ({ id: `c${++opened}` });
    const seen = await Promise.all([1, 2, 3].map(() => pool.use('k', open, async (c) => c.id)));
    expect(seen).toEqual(['c1', 'c1', 'c1']);
    expect(opened).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(closed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(closed).toEqual(['c1']);
    expect(await pool.use('k', open, async (c) => c.id)).toBe('c2');
  });

  it('does not keep a client that failed to open, and closes everything on shutdown', async () => {
    const closed: string[] = [];
    const pool = sharedClients<string>(async (c) => void closed.push(c));
    await expect(pool.use('k', async () => { throw new Error('refused'); }, async () => 'never')).rejects.toThrow('refused');
    expect(await pool.use('k', async () => 'ok', async (c) => c)).toBe('ok');
    await pool.use('other', async () => 'other', async () => undefined);
    await closeSharedClients();
    expect(closed.sort()).toEqual(['ok', 'other']);
  });

  it('keys equal credentials alike whatever their key order', () => {
    expect(credentialKey({ a: 1, b: 'x' })).toBe(credentialKey({ b: 'x', a: 1 }));
    expect(credentialKey({ a: 1 })).not.toBe(credentialKey({ a: 2 }));
  });
});
