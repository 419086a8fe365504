// Canonical JSON (object keys sorted, undefined dropped) and its sha256, so the same definition
// always hashes the same whatever the key order it was stored with.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, sortKeys) ?? 'null';
}

/** JSON.stringify replacer that re-creates plain objects with their keys in sorted order. */
function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>; // keeps a "__proto__" key a key
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key];
  return sorted;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash an execution records for the definition snapshot it ran against. */
export function definitionHash(definition: unknown): string {
  return sha256Hex(canonicalJson(definition));
}
