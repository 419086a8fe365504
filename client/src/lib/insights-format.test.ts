import { describe, expect, it } from 'vitest';
import { formatMinutes, formatRate, formatRunTime } from './insights-format.ts';

describe('insights figures as text', () => {
  it('writes run times in the unit that reads best', () => {
    expect(formatRunTime(null)).toBe('—');
    expect(formatRunTime(850)).toBe('850 ms');
    expect(formatRunTime(1234)).toBe('1.2 s');
    expect(formatRunTime(210_000)).toBe('3.5 min');
  });

  it('writes time saved in minutes, hours and days', () => {
    expect(formatMinutes(16)).toBe('16 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(200)).toBe('3 h 20 min');
    expect(formatMinutes(3120)).toBe('2 d 4 h');
  });

  it('writes failure rates as percentages', () => {
    expect(formatRate(0.25)).toBe('25 %');
    expect(formatRate(0.3333)).toBe('33.3 %');
    expect(formatRate(0)).toBe('0 %');
  });
});
