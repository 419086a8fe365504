import { describe, expect, it } from 'vitest';
import { bucketOf, mergeInto, percentile, withSample, type RunTimeHistogram } from './run-time-histogram.ts';

const histogramOf = (samples: number[]): RunTimeHistogram => samples.reduce(withSample, {});
/** The exact nearest-rank percentile of the samples. */
const exact = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.max(1, Math.ceil((p / 100) * samples.length)) - 1]!;

describe('run-time histogram', () => {
  it('gives p50 and p95 within 5 % of the exact values over a wide spread of run times', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => Math.round(3 + (i * 7919) % 600_000 * ((i % 7) / 7 + 0.01)));
    const histogram = histogramOf(samples);
    for (const p of [50, 95, 99]) expect(Math.abs(percentile(histogram, p)! - exact(samples, p)) / exact(samples, p)).toBeLessThan(0.05);
  });

  it('stays small however many runs it holds', () => {
    const histogram = histogramOf(Array.from({ length: 20_000 }, (_, i) => i * 10));
    expect(Object.keys(histogram).length).toBeLessThan(200);
  });

  it('merges histograms into the same figures as one histogram of all the samples', () => {
    const a = [5, 50, 500], b = [7, 70, 7000, 70_000];
    expect(mergeInto(histogramOf(a), histogramOf(b))).toEqual(histogramOf([...a, ...b]));
  });

  it('puts sub-millisecond runs in the first bucket and answers undefined when empty', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.4)).toBe(0);
    expect(percentile({}, 50)).toBeUndefined();
    expect(percentile(histogramOf([0, 0, 0]), 95)).toBe(1);
  });
});
