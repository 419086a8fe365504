import { describe, expect, it } from 'vitest';
import { intervalEnd, parseDateTime, sleep } from './wait-time.ts';

describe('wait time helpers', () => {
  it('adds the interval in its unit', () => {
    expect(intervalEnd(2, 'minutes', 0).getTime()).toBe(120_000);
    expect(intervalEnd(1.5, 'hours', 1_000).getTime()).toBe(5_401_000);
    expect(() => intervalEnd(1, 'weeks', 0)).toThrow('not known');
  });

  it('parses ISO dates in the workflow zone, and rejects non-dates', () => {
    expect(parseDateTime('2024-05-01T10:00:00', 'Europe/Berlin')?.toISOString()).toBe('2024-05-01T08:00:00.000Z');
    expect(parseDateTime('2024-05-01T10:00:00Z', 'Europe/Berlin')?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(parseDateTime('', 'UTC')).toBeUndefined();
    expect(parseDateTime('soon', 'UTC')).toBeUndefined();
  });

  it('sleeps, and stops early when aborted', async () => {
    const started = Date.now();
    await sleep(20, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    const abort = new AbortController();
    const pending = sleep(60_000, abort.signal);
    setTimeout(() => abort.abort(), 10);
    await expect(pending).rejects.toThrow('canceled');
  });
});
