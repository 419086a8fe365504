// A run's events stay small however large its data: a node output over the inline limit goes to
// the blob store and the event keeps its hash (`dataRef`, with the item counts watchers show), and
// any other event still over the limit (a big trigger body, pinned data, a parked run's queue) moves
// its largest fields out the same way (`blobRefs`). Reading a run back puts them in again. The
// limit sits well under the store's cap for one event (MAX_EVENT_BYTES), so no event is refused.
import type { BlobRef, BlobStore } from '../../events/index.ts';
import { RawJson } from '../http/json-stream.ts';

export interface Externalizer {
  blobs: BlobStore;
  /** Payloads larger than this (UTF-8 JSON bytes) go by reference. */
  inlineLimitBytes: number;
}

interface TaskLike {
  data?: { main?: unknown[] } & Record<string, unknown>;
  [key: string]: unknown;
}

/** The event data to store, and its size as JSON. */
export async function externalize(data: unknown, { blobs, inlineLimitBytes }: Externalizer): Promise<{ data: unknown; bytes: number }> {
  if (!isRecord(data)) return { data, bytes: jsonBytes(data) };
  let stored: Record<string, unknown> = data;
  // A node output is serialised once: a large one goes to the blob store as that text.
  const task = data.taskData as TaskLike | undefined;
  if (task?.data) {
    const output = Buffer.from(JSON.stringify(task.data));
    if (output.length > inlineLimitBytes) {
      const { data: inline, ...rest } = task;
      const itemCounts = (inline.main ?? []).map((items) => (Array.isArray(items) ? items.length : null));
      stored = { ...data, taskData: rest, dataRef: await blobs.put(output), itemCounts };
    }
  }
  // Most events are small: one serialisation tells, and they are stored as they are.
  let bytes = jsonBytes(stored);
  if (bytes <= inlineLimitBytes) return { data: stored, bytes };

  // Largest fields first, until what stays inline fits.
  const fields = Object.entries(stored)
    .map(([key, value]) => ({ key, json: JSON.stringify(value) ?? '' }))
    .sort((a, b) => b.json.length - a.json.length);
  const inline: Record<string, unknown> = { ...stored };
  const blobRefs: Record<string, BlobRef> = {};
  for (const { key, json } of fields) {
    if (bytes <= inlineLimitBytes) break;
    const body = Buffer.from(json);
    blobRefs[key] = await blobs.put(body);
    delete inline[key];
    bytes -= body.length;
  }
  const result = { ...inline, blobRefs };
  return { data: result, bytes: jsonBytes(result) };
}

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? 'null');

/**
 * A node output left in the blob store, read only when a JSON writer reaches it (`readStoredOutputs`):
 * a million-item run answered whole then holds one node's output at a time, not all of them.
 */
export class StoredOutput {
  constructor(private readonly ref: BlobRef, private readonly blobs: BlobStore, private readonly node: string) {}

  /** The output as the JSON text it was stored as. */
  async bytes(): Promise<Buffer> {
    const bytes = await this.blobs.get(this.ref.sha256);
    if (!bytes) throw new Error(`The output of ${this.node} (blob ${this.ref.sha256}) is missing from the blob store`);
    return bytes;
  }
}

/** A JSON replacer for streamed answers: each StoredOutput is written as its stored text when the writer gets there. */
export const readStoredOutputs = (_key: string, value: unknown): unknown => (value instanceof StoredOutput ? new RawJson(() => value.bytes()) : value);

/**
 * Puts externalized payloads back into the events (before folding or continuing a run). With
 * `outputs: 'lazy'` node outputs stay in the blob store as StoredOutput, for an answer streamed out.
 */
export async function hydrate<E extends { type: string; data: unknown }>(
  events: E[], blobs: BlobStore, which: (event: E) => boolean = () => true, outputs: 'read' | 'lazy' = 'read',
): Promise<E[]> {
  const out: E[] = [];
  // One at a time: a run's blobs can be large, and reading them all at once multiplies the peak.
  for (const event of events) out.push(which(event) ? await hydrateEvent(event, blobs, outputs) : event);
  return out;
}

export async function hydrateEvent<E extends { type: string; data: unknown }>(event: E, blobs: BlobStore, outputs: 'read' | 'lazy' = 'read'): Promise<E> {
  if (!isRecord(event.data) || (!event.data.dataRef && !event.data.blobRefs)) return event;
  const read = async (ref: BlobRef): Promise<unknown> => {
    const bytes = await blobs.get(ref.sha256);
    if (!bytes) throw new Error(`A payload of ${event.type} (blob ${ref.sha256}) is missing from the blob store`);
    return JSON.parse(bytes.toString('utf8'));
  };
  const { blobRefs, ...data } = event.data as Record<string, unknown> & { blobRefs?: Record<string, BlobRef> };
  for (const [key, ref] of Object.entries(blobRefs ?? {})) data[key] = await read(ref);
  if (data.dataRef) {
    const { dataRef, itemCounts: _counts, taskData, ...rest } = data as { dataRef: BlobRef; itemCounts?: unknown; taskData: object; node?: string };
    const output = outputs === 'lazy' ? new StoredOutput(dataRef, blobs, String(rest.node ?? event.type)) : await read(dataRef);
    return { ...event, data: { ...rest, taskData: { ...taskData, data: output } } };
  }
  return { ...event, data };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
