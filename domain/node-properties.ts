// Node parameter descriptions as n8n writes them, and n8n's displayOptions rules
// (`displayParameter`): whether a property exists for the values at hand. Pure, so the engine
// (which gives hidden properties no default) and the editor (which shows the form) decide alike.

/** Display conditions, as in n8n: `{show: {mode: ['raw']}}`; `@version` keys match typeVersion. */
export interface DisplayOptions {
  show?: Record<string, unknown[]>;
  hide?: Record<string, unknown[]>;
}

export interface NodeProperty {
  name: string;
  displayName: string;
  type:
    | 'string' | 'number' | 'boolean' | 'options' | 'multiOptions' | 'collection' | 'fixedCollection'
    | 'json' | 'dateTime' | 'color' | 'notice' | 'filter' | 'assignmentCollection' | 'resourceLocator' | 'resourceMapper' | 'hidden';
  default: unknown;
  description?: string;
  placeholder?: string;
  required?: boolean;
  noDataExpression?: boolean;
  displayOptions?: DisplayOptions;
  /** For options/multiOptions: the choices; for collection/fixedCollection: the sub-properties. */
  options?: Array<{ name: string; value?: unknown; description?: string; displayName?: string; values?: NodeProperty[] } | NodeProperty>;
  typeOptions?: Record<string, unknown>;
  /** For resourceLocator: the ways to name the resource (n8n's modes: a searchable list, an ID, a URL, …). */
  modes?: ResourceLocatorMode[];
}

export interface ResourceLocatorMode {
  name: string;
  displayName: string;
  type?: string;
  placeholder?: string;
  hint?: string;
  /** `searchListMethod` names the node's listSearch method that fills the `list` mode. */
  typeOptions?: { searchListMethod?: string; searchable?: boolean; searchFilterRequired?: boolean };
}

/** A credential type a node takes, as n8n declares it: shown, and then required if `required`, only where its displayOptions hold. */
export interface NodeCredentialDescription {
  name: string;
  required?: boolean;
  displayOptions?: DisplayOptions;
}

type Values = Record<string, unknown>;


export interface DisplayScope {
  typeVersion: number;
  /** The node type (its name decides `@tool`). */
  description?: { name: string };
}

/** Whether a property (or a credential the node declares: anything with displayOptions) is displayed. */
export function isDisplayed(values: Values, property: { displayOptions?: DisplayOptions }, scope: DisplayScope, root: Values): boolean {
  const options = property.displayOptions;
  if (!options) return true;
  if (options.show) {
    for (const [key, conditions] of Object.entries(options.show)) {
      const actual = valuesFor(values, key, scope, root);
      // A rule keyed on an expression cannot be decided before run time: n8n shows the property.
      if (actual.some((v) => typeof v === 'string' && v.charAt(0) === '=')) return true;
      if (!matches(conditions, actual)) return false;
    }
  }
  if (options.hide) {
    for (const [key, conditions] of Object.entries(options.hide)) {
      const actual = valuesFor(values, key, scope, root);
      if (actual.length !== 0 && matches(conditions, actual)) return false;
    }
  }
  return true;
}

function valuesFor(values: Values, key: string, scope: DisplayScope, root: Values): unknown[] {
  let value: unknown;
  if (key.charAt(0) === '/') value = getPath(root, key.slice(1));
  else if (key === '@version') value = scope.typeVersion || 0;
  else if (key === '@tool') value = scope.description?.name.endsWith('Tool') ?? false;
  else if (key === '@feature') return [];
  else value = getPath(values, key);
  if (value !== null && typeof value === 'object' && (value as { __rl?: unknown }).__rl) {
    value = (value as { value?: unknown }).value;
  }
  return Array.isArray(value) ? value : [value];
}

function matches(conditions: unknown[], actual: unknown[]): boolean {
  return conditions.some((condition) => {
    const cnd = condition as { _cnd?: Record<string, unknown> } | null;
    if (cnd && typeof cnd === 'object' && cnd._cnd && Object.keys(cnd).length === 1) {
      const [op, target] = Object.entries(cnd._cnd)[0];
      if (actual.length === 0) return op === 'not';
      return actual.every((value) => compare(op, value, target));
    }
    return actual.includes(condition);
  });
}

function compare(op: string, value: unknown, target: unknown): boolean {
  const n = value as number;
  const t = target as number;
  switch (op) {
    case 'eq': return sameValue(value, target);
    case 'not': return !sameValue(value, target);
    case 'gte': return n >= t;
    case 'lte': return n <= t;
    case 'gt': return n > t;
    case 'lt': return n < t;
    case 'between': {
      const { from, to } = target as { from: number; to: number };
      return n >= from && n <= to;
    }
    case 'includes': return typeof value === 'string' && value.includes(String(target));
    case 'startsWith': return typeof value === 'string' && value.startsWith(String(target));
    case 'endsWith': return typeof value === 'string' && value.endsWith(String(target));
    case 'regex': return new RegExp(String(target)).test(String(value));
    case 'exists': return value !== null && value !== undefined && value !== '';
    default: return false;
  }
}

/** Strict structural equality (an `undefined` field differs from a missing one), as n8n compares. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}


const pathCache = new Map<string, string[]>();

/** Splits `a.b[0].c` and `a["b.c"]` into keys, like lodash's `get` does for the paths nodes use. */
export function pathKeys(path: string): string[] {
  let keys = pathCache.get(path);
  if (keys) return keys;
  keys = [];
  let i = 0;
  let current = '';
  let pending = false; // a key has started (so `a..b` keeps its empty key)
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      keys.push(current);
      current = '';
      pending = true;
      i++;
    } else if (ch === '[') {
      if (current !== '' || (pending && keys.length === 0)) keys.push(current);
      current = '';
      const close = path.indexOf(']', i);
      if (close < 0) {
        current = path.slice(i);
        break;
      }
      let inner = path.slice(i + 1, close);
      const quote = inner.charAt(0);
      if ((quote === '"' || quote === "'") && inner.endsWith(quote) && inner.length >= 2) inner = inner.slice(1, -1);
      keys.push(inner);
      i = close + 1;
      if (path[i] === '.') i++;
      pending = false;
    } else {
      current += ch;
      pending = true;
      i++;
    }
  }
  if (pending || current !== '') keys.push(current);
  if (pathCache.size < 10_000) pathCache.set(path, keys);
  return keys;
}

/** lodash `get`: a direct own key wins over a path, as there. */
export function getPath(object: unknown, path: string): unknown {
  if (object === null || object === undefined) return undefined;
  if (typeof object === 'object' && Object.hasOwn(object, path)) return (object as Record<string, unknown>)[path];
  let current: unknown = object;
  for (const key of pathKeys(path)) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

