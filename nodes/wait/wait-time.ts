// When a Wait node resumes, and waiting in process (n8n sleeps for waits under 65 s).
import { DateTime } from 'luxon';

/** n8n waits in process below this; longer waits park the execution. */
export const IN_PROCESS_LIMIT_MS = 65_000;

/** n8n's date for "until resumed" (a webhook call with no time limit). */
export const WAIT_INDEFINITELY = new Date('3000-01-01T00:00:00.000Z');

const UNIT_MS: Record<string, number> = { seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

export function intervalEnd(amount: number, unit: string, now: number): Date {
  const factor = UNIT_MS[unit];
  if (factor === undefined) throw new Error(`The wait unit "${unit}" is not known`);
  return new Date(now + amount * factor);
}

/** A date from an ISO text, a timestamp or a Date; undefined when it is not one. */
export function parseDateTime(value: unknown, zone: string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const iso = DateTime.fromISO(value, { zone });
  if (iso.isValid) return iso.toJSDate();
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** Resolves after `ms`, or rejects when `signal` fires first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Error('The execution was canceled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('The execution was canceled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
