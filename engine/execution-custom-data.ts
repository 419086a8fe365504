// `$execution.customData`: a run's own key/value strings (n8n's execution metadata, stored as
// `resultData.metadata`). The rules are n8n 1.x's (packages/core … utils/execution-metadata.ts):
// at most 10 keys (a new key past that is dropped without a word), keys of A-Za-z0-9_ cut to 50
// characters, values strings or numbers cut to 512; a broken rule throws only in manual runs.

export type CustomData = Record<string, string>;

export const CUSTOM_DATA_MAX_KEYS = 10;
export const CUSTOM_DATA_KEY_LENGTH = 50;
export const CUSTOM_DATA_VALUE_LENGTH = 512;
/** Characters a key may have (n8n refuses others rather than cutting them). */
export const CUSTOM_DATA_KEY = /^[A-Za-z0-9_]+$/;

/**
 * A value as it crossed from user code: strings and numbers as they are (bigints arrive as their
 * digits), anything else as `{ invalid: true }`; a key that was not a string as `{ invalid: name }`.
 */
export type CrossedKey = string | { invalid: string };
export type CrossedValue = string | number | { invalid: true };

export class CustomDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomDataError';
  }
}

function setOne(data: CustomData, key: CrossedKey, value: CrossedValue): void {
  const name = typeof key === 'string' ? key : key.invalid;
  // The limit is checked before anything else, so a bad key past it is dropped silently too.
  if (!Object.hasOwn(data, name) && Object.keys(data).length >= CUSTOM_DATA_MAX_KEYS) return;
  if (typeof key !== 'string') throw new CustomDataError(`Custom data keys must be a string (key "${name}")`);
  if (!CUSTOM_DATA_KEY.test(key)) {
    throw new CustomDataError(`Custom date key can only contain characters "A-Za-z0-9_" (key "${key}")`);
  }
  if (typeof value !== 'string' && typeof value !== 'number') throw new CustomDataError(`Custom data values must be a string (key "${key}")`);
  data[key.slice(0, CUSTOM_DATA_KEY_LENGTH)] = String(value).slice(0, CUSTOM_DATA_VALUE_LENGTH);
}

/** `set(key, value)`; throws (manual runs only) when a rule is broken. */
export function setCustomData(data: CustomData, key: CrossedKey, value: CrossedValue, manual: boolean): void {
  try {
    setOne(data, key, value);
  } catch (e) {
    if (manual) throw e;
  }
}

/** `setAll(obj)`: every valid entry is kept; the first broken rule is thrown afterwards (manual runs only). */
export function setAllCustomData(data: CustomData, entries: [string, CrossedValue][], manual: boolean): void {
  let first: unknown;
  for (const [key, value] of entries) {
    try {
      setOne(data, key, value);
    } catch (e) {
      first ??= e;
    }
  }
  if (first !== undefined && manual) throw first;
}

export function getCustomData(data: CustomData, key: unknown): string | undefined {
  const name = String(key).slice(0, CUSTOM_DATA_KEY_LENGTH);
  return Object.hasOwn(data, name) ? data[name] : undefined;
}
