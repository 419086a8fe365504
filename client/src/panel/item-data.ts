// Pure helpers for the panel's input and output panes: the schema of a list of items, which input
// items an output item came from (n8n's `pairedItem`), paging, and mapping a field to an expression.

export type PairedItemRef = number | { item: number; input?: number };
export type PairedItem = PairedItemRef | PairedItemRef[];
export interface Item {
  json: Record<string, unknown>;
  pairedItem?: PairedItem;
}

export type FieldType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
export type PathSegment = string | number;

/** One field of the items' schema: its name, type, a sample value and, for objects/arrays, its fields. */
export interface SchemaField {
  key: string;
  path: PathSegment[];
  type: FieldType;
  sample: string;
  children: SchemaField[];
}

/** How many items the schema looks at: enough to find fields some items lack, cheap on 10,000 items. */
const SCHEMA_SAMPLE = 50;
export const PAGE_SIZE = 50;

export function typeOf(value: unknown): FieldType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** A short text of a value for tables and the schema: strings as they are, the rest as JSON. */
export function preview(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The fields of the items (the first items' keys merged, in first-seen order), nested objects and arrays expanded. */
export function inferSchema(items: readonly Item[]): SchemaField[] {
  return fieldsOf(items.slice(0, SCHEMA_SAMPLE).map((i) => i.json), []);
}

function fieldsOf(values: readonly unknown[], base: PathSegment[]): SchemaField[] {
  const byKey = new Map<string, unknown[]>();
  for (const value of values) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [key, v] of Object.entries(value)) {
      const seen = byKey.get(key) ?? [];
      seen.push(v);
      byKey.set(key, seen);
    }
  }
  return [...byKey].map(([key, seen]) => {
    // The type and sample come from the first value that is not null, as n8n's schema view does.
    const first = seen.find((v) => v !== null && v !== undefined) ?? null;
    const path = [...base, key];
    const type = typeOf(first);
    let children: SchemaField[] = [];
    if (type === 'object') children = fieldsOf(seen, path);
    else if (type === 'array') children = elementsOf(seen as unknown[][], path);
    return { key, path, type, sample: type === 'object' || type === 'array' ? '' : preview(first, 40), children };
  });
}

/** An array's elements: objects show the fields of their first elements under `[0]`, scalars the first element. */
function elementsOf(arrays: unknown[][], path: PathSegment[]): SchemaField[] {
  const firsts = arrays.map((a) => (Array.isArray(a) ? a[0] : undefined)).filter((v) => v !== undefined);
  if (firsts.length === 0) return [];
  const elementPath = [...path, 0];
  const type = typeOf(firsts[0]);
  const children = type === 'object' ? fieldsOf(firsts, elementPath) : type === 'array' ? elementsOf(firsts as unknown[][], elementPath) : [];
  return [{ key: '[0]', path: elementPath, type, sample: children.length ? '' : preview(firsts[0], 40), children }];
}

/** The indexes of the items of input `input` that an output item came from. */
export function pairedInputIndexes(paired: PairedItem | undefined, input = 0): number[] {
  if (paired === undefined || paired === null) return [];
  const refs = Array.isArray(paired) ? paired : [paired];
  const out = new Set<number>();
  for (const ref of refs) {
    if (typeof ref === 'number') {
      if (input === 0) out.add(ref);
    } else if (ref && typeof ref.item === 'number' && (ref.input ?? 0) === input) out.add(ref.item);
  }
  return [...out];
}

/** One page of a list; the page number is clamped to the pages there are. */
export function pageOf<T>(list: readonly T[], page: number, size = PAGE_SIZE): { rows: T[]; page: number; pages: number; start: number } {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  const start = current * size;
  return { rows: list.slice(start, start + size), page: current, pages, start };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$json.a.b`, with brackets where a key is no identifier (`$json["first name"]`, `$json.list[0]`). */
export function jsonPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return IDENTIFIER.test(segment) ? `${text}.${segment}` : `${text}[${JSON.stringify(segment)}]`;
  }, '$json');
}

/**
 * The stored value of a parameter after a field is dropped on it: an expression (leading `=`, as n8n
 * stores them) with `{{ $json.… }}` added at the end of the text that was there.
 */
export function mapField(current: unknown, path: readonly PathSegment[]): string {
  const mapped = `{{ ${jsonPath(path)} }}`;
  // Only text is added to; a number or a choice is replaced, as "5 {{ … }}" would not be one.
  const text = typeof current === 'string' ? current : '';
  if (text.startsWith('=')) return text.length > 1 ? `${text} ${mapped}` : `=${mapped}`;
  return text ? `=${text} ${mapped}` : `=${mapped}`;
}

/** The drag-and-drop type of a field dragged from the input: its path as JSON. */
export const FIELD_DRAG_TYPE = 'application/x-weft-field';

export function startFieldDrag(event: DragEvent, path: readonly PathSegment[]): void {
  if (!event.dataTransfer) return;
  event.dataTransfer.setData(FIELD_DRAG_TYPE, JSON.stringify(path));
  // Elsewhere (another app, a plain text box) the field drops as its expression.
  event.dataTransfer.setData('text/plain', `{{ ${jsonPath(path)} }}`);
  event.dataTransfer.effectAllowed = 'copy';
}

/** The dragged field's path, when the drag carries one. */
export function droppedField(event: DragEvent): PathSegment[] | undefined {
  const raw = event.dataTransfer?.getData(FIELD_DRAG_TYPE);
  if (!raw) return undefined;
  try {
    const path = JSON.parse(raw) as unknown;
    return Array.isArray(path) && path.every((s) => typeof s === 'string' || typeof s === 'number') ? path : undefined;
  } catch {
    return undefined;
  }
}

export function carriesField(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(FIELD_DRAG_TYPE) ?? false;
}
