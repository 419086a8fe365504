// Turns a posted form (urlencoded or multipart, fields named `field-<index>`) into n8n's output
// item: each element's value under its label (null when not sent), files as binary named after the
// label, `submittedAt` and `formMode`; or says which required elements were left empty.
import { DateTime } from 'luxon';
import type { BinaryData, Item, JsonObject } from '../../../engine/index.ts';
import { fieldKey, isMultiValue, type FormField } from './form-fields.ts';

export interface FormSubmission {
  body: unknown;
  /** The multipart files, keyed as the body reader names them: `field-3`, then `field-31`, `field-32`… */
  binary?: Record<string, BinaryData>;
}

export type SubmissionResult =
  | { ok: true; item: Item }
  | { ok: false; errors: Record<number, string>; values: Record<string, unknown> };

const isEmptyFile = (file: BinaryData): boolean => !file.fileName && (!file.data || file.data.length === 0);
const byteSize = (file: BinaryData): number => Buffer.from(file.data ?? '', 'base64').length;

/**
 * The files posted for one element. The body reader names repeats `<name><n>`, so `field-31` may be
 * field 3's second file or field 31's first: it belongs to field 31 when that is a file element.
 */
function filesOf(fields: FormField[], index: number, binary: Record<string, BinaryData>): BinaryData[] {
  const key = fieldKey(index);
  const out: BinaryData[] = [];
  for (const [name, file] of Object.entries(binary)) {
    if (name !== key && !(name.startsWith(key) && /^\d+$/.test(name.slice(key.length)))) continue;
    if (name !== key) {
      const other = Number(name.slice('field-'.length));
      if (fields[other]?.fieldType === 'file') continue;
    }
    if (!isEmptyFile(file)) out.push(file);
  }
  return out;
}

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.every((x) => x === ''));

/** Checkbox and multi-choice values arrive as repeated fields, or as one JSON array (n8n's page script). */
function listValue(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String).filter((v) => v !== '');
  if (typeof raw !== 'string' || raw === '') return [];
  if (raw.startsWith('[')) {
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // a plain value that starts with '['
    }
  }
  return [raw];
}

function requiredError(field: FormField, raw: unknown, files: BinaryData[]): string | undefined {
  if (!field.requiredField || field.fieldType === 'html' || field.fieldType === 'hiddenField') return undefined;
  const given = field.fieldType === 'file' ? files.length > 0 : isMultiValue(field) ? listValue(raw).length > 0 : present(raw) && String(Array.isArray(raw) ? raw[0] : raw).trim() !== '';
  return given ? undefined : `${field.fieldLabel || 'This field'} is required`;
}

function selectionError(field: FormField, raw: unknown): string | undefined {
  if (field.fieldType !== 'checkbox') return undefined;
  const count = listValue(raw).length;
  if (count === 0) return undefined;
  if (field.limitSelection === 'exact' && count !== field.numberOfSelections) return `${field.fieldLabel}: select exactly ${field.numberOfSelections} options`;
  if (field.limitSelection === 'range' && (count < field.minSelections || count > field.maxSelections)) {
    return `${field.fieldLabel}: select between ${field.minSelections} and ${field.maxSelections} options`;
  }
  return undefined;
}

function fieldValue(field: FormField, raw: unknown): unknown {
  if (!present(raw)) return null;
  const single = String(Array.isArray(raw) ? raw[0] : raw);
  switch (field.fieldType) {
    case 'number':
      return Number(single);
    case 'text':
      return single.trim();
    case 'checkbox':
      return listValue(raw);
    case 'radio':
      return listValue(raw)[0] ?? null;
    case 'dropdown':
      return field.multiselect ? listValue(raw) : single;
    case 'date': {
      if (!field.formatDate) return single;
      const date = DateTime.fromFormat(single, 'yyyy-MM-dd');
      return date.isValid ? date.toFormat(field.formatDate) : single;
    }
    default:
      return single;
  }
}

/** The item of a valid submission, or the errors of an invalid one (with what was sent, to show again). */
export function readFormSubmission(
  fields: FormField[], submission: FormSubmission,
  meta: { formMode: 'test' | 'production'; timezone: string; query?: Record<string, unknown> },
): SubmissionResult {
  const body = (submission.body && typeof submission.body === 'object' && !Array.isArray(submission.body) ? submission.body : {}) as Record<string, unknown>;
  const binary = submission.binary ?? {};
  const errors: Record<number, string> = {};
  const json: JsonObject = {};
  const files: Record<string, BinaryData> = {};
  fields.forEach((field, index) => {
    const raw = body[fieldKey(index)];
    const posted = field.fieldType === 'file' ? filesOf(fields, index, binary) : [];
    const error = requiredError(field, raw, posted) ?? selectionError(field, raw);
    if (error) errors[index] = error;
    if (field.fieldType === 'html') {
      if (field.elementName) json[field.elementName] = field.html;
      return;
    }
    if (field.fieldType !== 'file') {
      json[field.fieldLabel] = fieldValue(field, raw);
      return;
    }
    if (posted.length === 0) {
      json[field.fieldLabel] = null;
      return;
    }
    const described = posted.map((file) => ({ filename: file.fileName ?? '', mimetype: file.mimeType, size: byteSize(file) }));
    json[field.fieldLabel] = field.multipleFiles ? described : described[0];
    // n8n's binary key: the label with non-word characters as `_`, numbered when several files came.
    const base = field.fieldLabel.replace(/\W/g, '_');
    posted.forEach((file, n) => {
      files[posted.length > 1 ? `${base}_${n}` : base] = file;
    });
  });
  if (Object.keys(errors).length) return { ok: false, errors, values: body };
  json.submittedAt = DateTime.now().setZone(meta.timezone || 'UTC').toISO();
  json.formMode = meta.formMode;
  if (meta.query && Object.keys(meta.query).length) json.formQueryParameters = meta.query as JsonObject;
  return { ok: true, item: { json, ...(Object.keys(files).length ? { binary: files } : {}) } };
}
