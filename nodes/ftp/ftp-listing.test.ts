// FTP LIST dates: Unix listings give "Mon DD HH:MM" for recent files (no year) and "Mon DD YYYY" for
// older ones; the year of a recent file is the one that does not put it in the future.
import { describe, expect, it } from 'vitest';
import { parseListDate } from './ftp-listing.ts';

describe('parseListDate', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('reads a recent date in the current year', () => {
    expect(parseListDate('Mar 09 06:01', now)).toBe('2026-03-09T06:01:00.000Z');
  });
  it('puts a recent date that would be in the future into last year', () => {
    expect(parseListDate('Dec 31 23:59', now)).toBe('2025-12-31T23:59:00.000Z');
  });
  it('reads an older date with its year', () => {
    expect(parseListDate('Jul  4  2019', now)).toBe('2019-07-04T00:00:00.000Z');
  });
  it('gives up on anything else', () => {
    expect(parseListDate('2019-07-04', now)).toBeUndefined();
    expect(parseListDate('Foo 04 2019', now)).toBeUndefined();
  });
});
