import { describe, expect, it } from 'vitest';
import { fromDateInput, toDateInput } from './date-input.ts';
import { smallestEdit } from './text-edit.ts';

describe('date-time parameters', () => {
  it('shows zone-less text as it is and other dates in local time', () => {
    expect(toDateInput('2024-03-01T09:30')).toBe('2024-03-01T09:30:00');
    expect(toDateInput('2024-03-01T09:30:15')).toBe('2024-03-01T09:30:15');
    // A zoned date shows as the same instant in the browser's time (text without a zone reads as local).
    const shown = toDateInput('2024-03-01T09:30:15Z');
    expect(shown).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(new Date(shown).getTime()).toBe(Date.parse('2024-03-01T09:30:15Z'));
    expect(toDateInput('')).toBe('');
    expect(toDateInput('not a date')).toBe('');
    expect(toDateInput(undefined)).toBe('');
  });

  it('stores the input with seconds, and nothing when cleared', () => {
    expect(fromDateInput('2024-03-01T09:30')).toBe('2024-03-01T09:30:00');
    expect(fromDateInput('2024-03-01T09:30:05')).toBe('2024-03-01T09:30:05');
    expect(fromDateInput('')).toBeUndefined();
  });
});

describe('smallestEdit', () => {
  it('replaces only the part that differs', () => {
    expect(smallestEdit('{{ $json.a }}', '{{ $json.ab }}')).toEqual({ from: 10, to: 10, insert: 'b' });
    expect(smallestEdit('abc', 'abc')).toEqual({ from: 3, to: 3, insert: '' });
    expect(smallestEdit('hello world', 'hello')).toEqual({ from: 5, to: 11, insert: '' });
  });
});
