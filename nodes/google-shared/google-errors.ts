// What Google's APIs say when they refuse: `{error: {code, message, errors}}`, or an OAuth error string.
import type { JsonObject } from '../../engine/index.ts';

/** Google's own message from an error answer's body, if it has one. */
export function googleMessage(text: string): string | undefined {
  try {
    const error = (JSON.parse(text) as JsonObject).error as JsonObject | string | undefined;
    if (typeof error === 'string') return error;
    return typeof error?.message === 'string' ? error.message : undefined;
  } catch {
    return undefined;
  }
}
