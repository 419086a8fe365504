// The shapes n8n's Notion node v2 writes and reads: page properties from the node's property rows,
// database query filters and sorts, blocks from the block rows, and the "simple" outputs
// (n8n's simplifyObjects and simplifyBlocksOutput). Pure functions.
import { DateTime } from 'luxon';
import type { JsonObject } from '../../engine/index.ts';

type Row = Record<string, any>;

const NOTION_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** The id in a database link (n8n's databaseUrlExtractionRegexp). */
const DATABASE_LINK = '(?:https|http)://www\\.notion\\.so/(?:[a-z0-9-]{2,}/)?([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** change-case 4's snakeCase (which n8n uses): words split at case changes and anything not A-Z or 0-9. */
export function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1\0$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1\0$2')
    .replace(/[^A-Z0-9]+/gi, '\0')
    .split('\0')
    .filter(Boolean)
    .map((word) => word.toLowerCase())
    .join('_');
}

const camelCase = (text: string) => text.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** moment.tz(value, zone): a string read in the zone unless it names its own offset, or epoch milliseconds. */
function inZone(value: unknown, zone: string): DateTime {
  if (typeof value === 'number') return DateTime.fromMillis(value, { zone });
  const text = String(value ?? '');
  const parsed = DateTime.fromISO(text, { zone });
  return parsed.isValid ? parsed : DateTime.fromJSDate(new Date(text), { zone });
}
/** moment's format(''): ISO 8601 to the second with the offset; with a date format, the day alone. */
const formatDate = (value: unknown, zone: string, includeTime: boolean) =>
  includeTime ? inZone(value, zone).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ") : inZone(value, zone).toFormat('yyyy-MM-dd');

interface TextRow { textType?: string; text?: string; isLink?: boolean; textLink?: string; mentionType?: string; range?: boolean;
  dateStart?: string; dateEnd?: string; date?: string; annotationUi?: JsonObject; expression?: string; [key: string]: unknown }

/** Rich text from the node's text rows (text with an optional link, mentions, equations). */
export function richTexts(rows: TextRow[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const row of rows) {
    const annotations = row.annotationUi;
    if (row.textType === 'text') {
      out.push({ type: 'text', text: { content: row.text, ...(row.isLink && row.textLink ? { link: { url: row.textLink } } : {}) }, annotations });
    } else if (row.textType === 'mention') {
      const type = String(row.mentionType);
      const value = type === 'date'
        ? (row.range ? { start: row.dateStart, end: row.dateEnd } : { start: row.date, end: null })
        : { id: row[type] };
      out.push({ type: 'mention', mention: { type, [type]: value }, annotations });
    } else if (row.textType === 'equation') {
      out.push({ type: 'equation', equation: { expression: row.expression }, annotations });
    }
  }
  return out;
}

const plainText = (content: unknown) => [{ text: { content } }];

/** A database mention's locator (`{__rl, value}`) becomes its id, as n8n's extractDatabaseMentionRLC does. */
function databaseMentionIds(rows: TextRow[]): TextRow[] {
  return rows.map((row) => {
    const database = row.database as { __rl?: boolean; value?: unknown; __regex?: string } | undefined;
    if (row.textType !== 'mention' || row.mentionType !== 'database' || !database || typeof database !== 'object' || !database.__rl) return row;
    const value = String(database.value ?? '');
    const pattern = database.__regex ?? ((database as { mode?: string }).mode === 'url' ? DATABASE_LINK : undefined);
    return { ...row, database: pattern ? new RegExp(pattern).exec(value)?.[1] ?? value : value };
  });
}

/** n8n's formatBlocks: each block row as a Notion block (text blocks, to-dos, external images). */
export function formatBlocks(rows: Row[]): JsonObject[] {
  return rows.map((row) => {
    const type = String(row.type ?? 'paragraph');
    const content: JsonObject = {};
    if (type === 'to_do') content.checked = row.checked;
    if (type === 'image') Object.assign(content, { type: 'external', external: { url: row.url } });
    else content.text = row.richText === true ? richTexts(databaseMentionIds((row.text?.text ?? []) as TextRow[])) : plainText(row.textContent);
    return { object: 'block', type, [type]: content };
  });
}

/** One property row (`key` is `Name|type`) as the Notion property value n8n sends; undefined to leave it out. */
function propertyValue(row: Row, type: string, zone: string, relationIdError: (id: string) => never): JsonObject | undefined {
  switch (type) {
    case 'rich_text':
      return row.richText === true ? { rich_text: richTexts((row.text?.text ?? []) as TextRow[]) } : { rich_text: plainText(row.textContent) };
    case 'title':
      return { title: plainText(row.title) };
    case 'number':
      return { type: 'number', number: row.numberValue };
    case 'url':
      return !row.urlValue && row.ignoreIfEmpty ? undefined : { type: 'url', url: row.urlValue };
    case 'checkbox':
      return { type: 'checkbox', checkbox: row.checkboxValue };
    case 'relation': {
      const values = Array.isArray(row.relationValue) ? row.relationValue : [row.relationValue];
      const ids = values.filter((v: unknown): v is string => typeof v === 'string' && !!v).flatMap((v: string) => v.split(',').map((id) => id.trim()));
      for (const id of ids) if (!NOTION_ID.test(id)) relationIdError(id);
      return { type: 'relation', relation: ids.map((id: string) => ({ id })) };
    }
    case 'multi_select': {
      const value = row.multiSelectValue;
      if (value === undefined || value === null || value === '') return { type: 'multi_select', multi_select: [] };
      const names: unknown[] = (Array.isArray(value) ? value : String(value).split(',').map((v) => v.trim())).filter((v: unknown) => v !== null);
      return { type: 'multi_select', multi_select: names.map((name) => (UUID.test(String(name)) ? { id: name } : { name })) };
    }
    case 'email':
      return { type: 'email', email: row.emailValue };
    case 'people': {
      const people = Array.isArray(row.peopleValue) ? row.peopleValue : [row.peopleValue];
      return { type: 'people', people: people.map((id: unknown) => ({ id })) };
    }
    case 'phone_number':
      return { type: 'phone_number', phone_number: row.phoneValue };
    case 'select':
      return row.selectValue === undefined || row.selectValue === null || row.selectValue === ''
        ? { type: 'select', select: null } : { type: 'select', select: { name: row.selectValue } };
    case 'status':
      return { type: 'status', status: { name: row.statusValue } };
    case 'date': {
      const timezone = !row.timezone || row.timezone === 'default' ? zone : String(row.timezone);
      const includeTime = Boolean(row.includeTime);
      // An empty date clears the property (n8n's fields for a range only exist when Range is on).
      const empty = row.range === true ? row.dateStart === '' && row.dateEnd === '' : row.date === '';
      if (empty) return { type: 'date', date: null };
      return {
        type: 'date',
        date: row.range === true
          ? { start: formatDate(row.dateStart, timezone, includeTime), end: formatDate(row.dateEnd, timezone, includeTime) }
          : { start: formatDate(row.date, timezone, includeTime), end: null },
      };
    }
    case 'files':
      return { type: 'files', files: ((row.fileUrls?.fileUrl ?? []) as Array<{ name: string; url: string }>).map((file) => ({ name: file.name, type: 'external', external: { url: file.url } })) };
    default:
      return {};
  }
}

/** n8n's mapProperties (v2): the rows' values keyed by property name. */
export function mapProperties(rows: Row[], zone: string, relationIdError: (id: string) => never): JsonObject {
  const out: JsonObject = {};
  for (const row of rows) {
    if (typeof row.key !== 'string') continue;
    const [name, type] = row.key.split('|');
    const value = propertyValue(row, type, zone, relationIdError);
    if (value) out[name] = value;
  }
  return out;
}

/** n8n's mapFilters for one condition row: `{property, <type>: {<condition>: value}}`. */
export function mapFilter(row: Row, zone: string): JsonObject {
  const [name, rawType] = String(row.key ?? '').split('|');
  let key = rawType;
  const condition = String(row.condition);
  let value: unknown = key === 'last_edited_time' ? row[camelCase(key)] : row[`${camelCase(key)}Value`];
  if (['is_empty', 'is_not_empty'].includes(condition)) value = true;
  else if (['past_week', 'past_month', 'past_year', 'next_week', 'next_month', 'next_year'].includes(condition)) value = {};
  if (key === 'rich_text' || key === 'text') key = 'text';
  else if (key === 'phone_number') key = 'phone';
  else if (key === 'date' && !['is_empty', 'is_not_empty'].includes(condition)) {
    // Relative conditions (past_week, …) carry no date: an empty object, as Notion expects.
    value = row.date === '' || row.date === undefined ? {} : inZone(row.date, zone).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  } else if (key === 'boolean') key = 'checkbox';
  if ((row.type ?? rawType) === 'formula') {
    if (['is_empty', 'is_not_empty'].includes(condition)) key = String(row.returnType);
    else return { property: name, [key]: { [row.returnType]: { [condition]: row[`${camelCase(String(row.returnType))}Value`] } } };
  }
  return { property: name, [key]: { [condition]: value } };
}

/** n8n's mapSorting: `{direction, property}` or `{direction, timestamp}`. */
export function mapSorting(rows: Row[]): JsonObject[] {
  return rows.map((row) => ({ direction: row.direction, [row.timestamp ? 'timestamp' : 'property']: String(row.key ?? '').split('|')[0] }));
}

function simplifyProperty(property: Row): unknown {
  const type = property.type as string;
  const value = property[type];
  switch (type) {
    case 'text':
      return property.plain_text;
    case 'rich_text':
    case 'title':
      return Array.isArray(value) && value.length ? value.map((text: Row) => simplifyProperty(text)).join('') : '';
    case 'url': case 'created_time': case 'checkbox': case 'number': case 'last_edited_time': case 'email': case 'phone_number': case 'date':
      return value;
    case 'created_by': case 'last_edited_by': case 'select':
      return value ? value.name : null;
    case 'people':
      return Array.isArray(value) ? value.map((person: Row) => person.person?.email || {}) : value;
    case 'multi_select':
      return Array.isArray(value) ? value.map((option: Row) => option?.name || {}) : value?.options?.map((option: Row) => option?.name || {});
    case 'relation':
      return Array.isArray(value) ? value.map((relation: Row) => relation?.id || {}) : value?.database_id;
    case 'formula':
      return value?.[value?.type];
    case 'rollup': {
      const fn = String(value?.function ?? '');
      if (fn.startsWith('count') || fn.includes('empty')) return fn.includes('percent') ? value?.number * 100 : value?.number;
      if (fn.startsWith('show') && value?.type === 'array') {
        const elements = (value.array as Row[]).map(simplifyProperty).flat();
        return fn === 'show_unique' ? [...new Set(elements)] : elements;
      }
      return undefined;
    }
    case 'files':
      return (value as Row[]).map((file) => file[file.type]?.url);
    case 'status':
      return value?.name;
    default:
      return undefined;
  }
}

export function simplifyProperties(properties: Row): JsonObject {
  return Object.fromEntries(Object.keys(properties ?? {}).map((key) => [key, simplifyProperty(properties[key])]));
}

const titleOf = (properties: Row) => (Object.values(properties ?? {}) as Row[]).find((p) => p.type === 'title')?.title?.[0]?.plain_text || '';

/** n8n's simplifyObjects (v2): pages as `{id, name, url, property_<snake name>…}`, databases as `{id, name, url}`. */
export function simplifyObjects(objects: Row | Row[]): JsonObject[] {
  const out: JsonObject[] = [];
  for (const { object, id, properties, parent, title, url } of Array.isArray(objects) ? objects : [objects]) {
    if (object === 'page' && (parent?.type === 'page_id' || parent?.type === 'workspace')) {
      out.push({ id, name: properties?.title?.title?.[0]?.plain_text, url });
    } else if (object === 'page' && parent?.type === 'database_id') {
      const simple = simplifyProperties(properties);
      out.push({ id, name: titleOf(properties), url, ...Object.fromEntries(Object.entries(simple).map(([key, value]) => [`property_${snakeCase(key)}`, value])) });
    } else if (object === 'database') {
      out.push({ id, name: (title as Row[] | undefined)?.[0]?.plain_text || '', url });
    }
  }
  return out;
}

/** n8n's simplifyBlocksOutput: each block's text as `content`, its root as `root_id`, timestamps dropped. */
export function simplifyBlocks(blocks: Row[], rootId: string): JsonObject[] {
  return blocks.map((source) => {
    const block: Row = { ...source, root_id: rootId };
    for (const key of ['created_time', 'last_edited_time', 'created_by']) delete block[key];
    const type = block.type as string;
    if (type === 'child_page' || type === 'child_database') {
      block.content = block[type]?.title;
      delete block[type];
      return block;
    }
    const text = block[type]?.text;
    if (Array.isArray(text)) {
      block.content = text.map((entry: Row) => entry.plain_text || '').join('');
      delete block[type];
    }
    return block;
  });
}
