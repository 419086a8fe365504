// Identifier helpers: random ids for new entities, deterministic ids for events.
import { randomBytes } from 'node:crypto';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Namespace for event ids derived from command ids (a fixed, random UUID). */
const EVENT_ID_NAMESPACE = '6f0e2a4c-3b1d-4c55-9a7e-2d8f1b6c9e10';
// Parsed once: given as text, the namespace is parsed again for every id (several per run).
const EVENT_ID_NAMESPACE_BYTES = parseUuid(EVENT_ID_NAMESPACE);

/** A 16-character base62 id, the shape n8n uses for workflow ids. */
export function newEntityId(length = 16): string {
  const bytes = randomBytes(length * 2);
  let id = '';
  for (let i = 0; i < bytes.length && id.length < length; i++) {
    const b = bytes[i];
    if (b < 248) id += ALPHABET[b % 62]; // 248 = 4 × 62: rejection keeps the distribution uniform
  }
  return id.length === length ? id : newEntityId(length);
}

/** Ids we accept from outside (imports, URLs): letters, digits, '-' or '_'; n8n's own are 16 long. */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The id of the n-th event produced by a command. The same command id always gives the same event
 * ids, so a retried command (a client retry, a queue redelivery) is appended only once.
 */
export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE_BYTES);
}
