// Documents for Insert, Update, Find And Update and Find And Replace (n8n's rules): the listed
// fields of each item, dates parsed, dot notation read (and, for inserts, written) as paths, the
// update filter from the update key, and results made JSON-safe for the items.
import { Binary, ObjectId } from 'mongodb';
import type { JsonObject } from '../../engine/index.ts';
import { getPath, setPath } from '../shared/paths.ts';
import { isScalar, MongoInputError } from './mongo-db-query.ts';

export type MongoDocument = Record<string, unknown>;

/** "a, b,,c" → ['a', 'b', 'c']. */
export function splitFields(list: unknown): string[] {
  return String(list ?? '').split(',').map((field) => field.trim()).filter(Boolean);
}

export interface DocumentOptions {
  fields: string[];
  /** The update key ('' for inserts); items without it are left out, and it is always stored. */
  updateKey?: string;
  useDotNotation?: boolean;
  dateFields?: string[];
  /** Updates keep "a.b" as one key, which `$set` reads as a path; inserts and replaces nest it. */
  isUpdate?: boolean;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return value instanceof Date ? 'date' : typeof value;
}

/** The document each item gives (items lacking the update key give none). */
export function prepareDocuments(items: readonly JsonObject[], options: DocumentOptions): MongoDocument[] {
  const { updateKey = '', useDotNotation = false, dateFields = [], isUpdate = false } = options;
  const fields = [...options.fields];
  let sources = items;
  if (updateKey) {
    if (!fields.includes(updateKey)) fields.push(updateKey);
    sources = items.filter((json) => json[updateKey] !== undefined);
  }
  return sources.map((json) => {
    const document: MongoDocument = {};
    for (const field of fields) {
      let value: unknown = useDotNotation ? getPath(json, field) ?? null : json[field] ?? null;
      if (value && dateFields.includes(field)) value = new Date(value as string | number);
      if (field === updateKey && !isScalar(value)) {
        throw new MongoInputError(`The value of "${updateKey}" must be a string, number, boolean, or date`,
          `Got ${kindOf(value)} instead. Objects and arrays cannot be matched on.`);
      }
      if (useDotNotation && !isUpdate) setPath(document, field, value);
      else document[field] = value;
    }
    return document;
  });
}

/**
 * The filter that picks the document to change: `{ [updateKey]: value }`, an `_id` key matched as
 * an ObjectId and taken out of the document (MongoDB does not let `_id` change).
 */
export function updateFilter(updateKey: string, document: MongoDocument): MongoDocument {
  if (updateKey !== '_id') return { [updateKey]: document[updateKey] };
  const filter = { _id: new ObjectId(document._id as string) };
  delete document._id;
  return filter;
}

/** A copy fit for an item's json: ObjectIds as hex, dates as ISO text (their toJSON), as n8n's deepCopy does. */
export function jsonSafe(document: unknown): JsonObject {
  return JSON.parse(JSON.stringify(document ?? {})) as JsonObject;
}

/** v1.4+: top-level binary values (BSON Binary, Buffers) leave the json to become the item's binary data. */
export function splitBinaryFields(document: MongoDocument): { json: MongoDocument; binary: Record<string, Buffer> } {
  const json: MongoDocument = {};
  const binary: Record<string, Buffer> = {};
  for (const [key, value] of Object.entries(document)) {
    if (value instanceof Binary) binary[key] = Buffer.from(value.buffer.subarray(0, value.position));
    else if (Buffer.isBuffer(value)) binary[key] = value;
    else json[key] = value;
  }
  return { json, binary };
}
