// Pipedrive's custom fields are keyed by 40-character hashes. n8n's v1 node can write them by their
// names (encodeProperties: names and option labels become keys and option ids) and read them back by
// name (resolveProperties: keys become names, option ids their labels).
import type { JsonObject } from '../../engine/index.ts';

export interface PipedriveField { key: string; name: string; field_type: string; options?: Array<{ id: number | string; label: string }> }
export type PipedriveFields = Record<string, PipedriveField>;

export const FIELDS_ENDPOINT: Record<string, string> = {
  activity: '/activityFields', deal: '/dealFields', organization: '/organizationFields', person: '/personFields', product: '/productFields',
};

/** Field names (and option labels) in `body` replaced by Pipedrive's keys (and option ids), in place. */
export function encodeCustomFields(fields: PipedriveFields, body: JsonObject): void {
  for (const key of Object.keys(body)) {
    const field = Object.values(fields).find((f) => f.name === key);
    if (!field) continue;
    const value = body[key];
    if (value !== null && value !== undefined && Array.isArray(field.options)) {
      const option = field.options.find((o) => String(o.label) === String(value));
      if (option) {
        body[field.key] = option.id;
        delete body[key];
      }
    } else {
      body[field.key] = value;
      delete body[key];
    }
  }
}

const PLAIN_TYPES = ['date', 'address', 'double', 'monetary', 'org', 'people', 'phone', 'text', 'time', 'user', 'varchar', 'varchar_auto', 'int', 'timerange'];

/** Field keys in `json` replaced by names, option ids by labels (sets by label lists), in place. */
export function resolveCustomFields(fields: PipedriveFields, json: JsonObject): void {
  for (const [key, value] of Object.entries(json)) {
    const field = fields[key];
    if (!field) continue;
    if (value === null || PLAIN_TYPES.includes(field.field_type)) {
      json[field.name] = value;
      delete json[key];
    } else if (['enum', 'visible_to'].includes(field.field_type) && field.options) {
      const option = field.options.find((o) => String(o.id) === String(value));
      if (option) {
        json[field.name] = option.label;
        delete json[key];
      }
    } else if (field.field_type === 'set' && field.options && typeof value === 'string') {
      const ids = value.split(',');
      json[field.name] = field.options.filter((o) => ids.includes(String(o.id))).map((o) => o.label);
      delete json[key];
    }
  }
}
