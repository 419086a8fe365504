// A parameter as people know it: a path inside a node's parameters (`options.timeout`) read
// through the node type's description (`Options › Timeout`), for history lines.
import type { NodeProperty } from './node-properties.ts';

/** Property types whose value is an object the editor shows as one field. */
const SINGLE_FIELD = new Set(['resourceLocator', 'filter', 'assignmentCollection']);

type Described = { name: string; displayName?: string; type?: string; options?: unknown[]; values?: NodeProperty[] };

/**
 * The display names along `path`, joined by ' › '; keys no description names (inside a filter's
 * value, say) stay as they are. Undefined when not even the first key is a known property.
 */
export function parameterLabel(properties: readonly NodeProperty[], path: readonly string[]): string | undefined {
  const labels: string[] = [];
  let scope: readonly Described[] | undefined = properties;
  let i = 0;
  for (; i < path.length && scope; i++) {
    // Properties may repeat a name under different displayOptions; they share their display name.
    const found: Described | undefined = scope.find((p) => p.name === path[i]);
    if (!found) break;
    labels.push(found.displayName ?? found.name);
    // A resource locator's `mode`/`value`, a filter's `options`/`conditions`: one field in the editor.
    if (found.type !== undefined && SINGLE_FIELD.has(found.type)) return labels.join(' › ');
    scope = childrenOf(found);
  }
  if (labels.length === 0) return undefined;
  return [...labels, ...path.slice(i)].join(' › ');
}

/** A collection's options are properties; a fixedCollection's options are groups whose `values` are. */
function childrenOf(p: Described): readonly Described[] | undefined {
  if (p.values) return p.values;
  if (p.type === 'collection' || p.type === 'fixedCollection') return p.options as Described[] | undefined;
  return undefined;
}
