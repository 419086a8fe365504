// n8n's displayOptions rules (`displayParameter`): whether a property exists for the values at hand.
// Hidden properties get no default, so this decides which parameters a node really has.
import type { NodeDescription, NodeProperty } from '../node-sdk.ts';
import { deepEqual, getPath } from './paths.ts';

type Values = Record<string, unknown>;

export interface DisplayScope {
  typeVersion: number;
  description?: Pick<NodeDescription, 'name'>;
}

export function isDisplayed(values: Values, property: NodeProperty, scope: DisplayScope, root: Values): boolean {
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
    case 'eq': return deepEqual(value, target);
    case 'not': return !deepEqual(value, target);
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
