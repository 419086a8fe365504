// A node's full parameters, as n8n's `getNodeParameters(…, returnDefaults=true)` builds them when a
// workflow is loaded: stored values kept, defaults added only for properties whose displayOptions
// match (so they depend on typeVersion and on other values), collections left sparse. Here in
// domain/ so that the engine (which runs with them) and nodeIssues (which checks them) agree.
import { deepCopy } from './deep-copy.ts';
import { getPath, isDisplayed, type DisplayOptions, type DisplayScope, type NodeProperty } from './node-properties.ts';

type Values = Record<string, unknown>;
type ParentType = 'collection' | 'fixedCollection' | undefined;

interface PropertyPlan {
  /** Indexes into the property list, in the order n8n resolves them (dependencies first). */
  order: number[];
  /** Names defined more than once (e.g. one `operation` per resource): displayed-ness decides. */
  duplicates: Set<string>;
}

const plans = new WeakMap<NodeProperty[], PropertyPlan>();

/** The node's parameters with every applicable default filled in. */
export function resolveNodeParameters(
  description: { name: string; properties: NodeProperty[] },
  parameters: Values | undefined,
  typeVersion: number,
): Values {
  const scope: DisplayScope = { typeVersion, description };
  return fill(description.properties, parameters ?? {}, scope, undefined, undefined);
}

/**
 * One parameter by name or dotted path (`options.includeOtherFields`) from resolved parameters;
 * `fallback` when absent. Undefined means "no such parameter".
 */
export function parameterValue(resolved: Values, path: string, fallback?: unknown): unknown {
  const value = getPath(resolved, path);
  return value === undefined ? fallback : value;
}

/**
 * Whether a top-level property, or a credential the node declares, is displayed for these
 * parameters: the same values and rules resolveNodeParameters decides with.
 */
export function topLevelDisplay(
  description: { name: string; properties: NodeProperty[] },
  parameters: Values | undefined,
  typeVersion: number,
): (item: { displayOptions?: DisplayOptions }) => boolean {
  const scope: DisplayScope = { typeVersion, description };
  const check = simpleValues(description.properties, parameters ?? {}, scope, undefined, undefined, planFor(description.properties));
  return (item) => isDisplayed(check, item, scope, check);
}

function fill(props: NodeProperty[], values: Values | undefined, scope: DisplayScope, rootIn: Values | undefined, parentType: ParentType): Values {
  const plan = planFor(props);
  const check = simpleValues(props, values, scope, rootIn, parentType, plan);
  const root = rootIn ?? check;
  const out: Values = {};
  if (!values || typeof values !== 'object') return out;
  for (const index of plan.order) {
    const prop = props[index];
    const given = values[prop.name];
    // Inside a plain collection only the options the user added exist; elsewhere defaults apply.
    if (given === undefined && parentType === 'collection') continue;
    if (!isDisplayed(check, prop, scope, root)) continue;
    if (prop.type === 'collection') out[prop.name] = fillCollection(prop, given, scope, root);
    else if (prop.type === 'fixedCollection') out[prop.name] = fillFixedCollection(prop, given, scope, root);
    else out[prop.name] = withDefault(prop, given);
  }
  return out;
}

/** The simple-typed values with defaults, ignoring display rules: what display rules test against. */
function simpleValues(props: NodeProperty[], values: Values | undefined, scope: DisplayScope, rootIn: Values | undefined, parentType: ParentType, plan: PropertyPlan): Values {
  const full: Values = {};
  if (!values || typeof values !== 'object') return full;
  const root = rootIn ?? full;
  for (const index of plan.order) {
    const prop = props[index];
    if (values[prop.name] === undefined && parentType === 'collection') continue;
    if (prop.type === 'collection' || prop.type === 'fixedCollection') continue;
    if (plan.duplicates.has(prop.name) && !isDisplayed(full, prop, scope, root)) continue;
    full[prop.name] = withDefault(prop, values[prop.name]);
  }
  return full;
}

function withDefault(prop: NodeProperty, given: unknown): unknown {
  if (prop.type === 'boolean' || prop.type === 'number' || prop.type === 'options') {
    return given !== undefined ? given : deepCopy(prop.default);
  }
  if (prop.type === 'resourceLocator' && prop.default !== null && typeof prop.default === 'object') {
    return given !== undefined ? given : { __rl: true, ...(prop.default as Values) };
  }
  // Other types treat null like a missing value, as n8n does.
  return given ?? deepCopy(prop.default);
}

function fillCollection(prop: NodeProperty, given: unknown, scope: DisplayScope, root: Values): unknown {
  if (prop.typeOptions?.multipleValues === true) {
    if (given !== undefined) return given;
    return Array.isArray(prop.default) ? deepCopy(prop.default) : [];
  }
  if (given === undefined) return deepCopy(prop.default);
  return fill(subProperties(prop), given as Values, scope, root, 'collection');
}

function fillFixedCollection(prop: NodeProperty, given: unknown, scope: DisplayScope, root: Values): Values {
  const groups = (given === undefined ? deepCopy(prop.default) : given) as Values | undefined;
  const out: Values = {};
  if (!groups || typeof groups !== 'object' || Array.isArray(groups)) return out;
  const multiple = prop.typeOptions?.multipleValues === true;
  for (const groupName of Object.keys(groups)) {
    const group = (prop.options ?? []).find((o) => o.name === groupName) as { values?: NodeProperty[] } | undefined;
    // n8n refuses to load a workflow with an unknown group; dropping it keeps the run going.
    if (!group) continue;
    const subProps = group.values ?? [];
    const entry = groups[groupName];
    if (multiple) {
      out[groupName] = Array.isArray(entry) ? entry.map((e) => fill(subProps, e as Values, scope, root, 'fixedCollection')) : [];
    } else {
      const filled = fill(subProps, entry as Values | undefined, scope, root, 'fixedCollection');
      if (Object.keys(filled).length !== 0) out[groupName] = filled;
    }
  }
  return out;
}

function subProperties(prop: NodeProperty): NodeProperty[] {
  return (prop.options ?? []).filter((o): o is NodeProperty => typeof (o as NodeProperty).type === 'string');
}

function planFor(props: NodeProperty[]): PropertyPlan {
  let plan = plans.get(props);
  if (plan) return plan;
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const p of props) (seen.has(p.name) ? duplicates : seen).add(p.name);
  plan = { order: resolveOrder(props), duplicates };
  plans.set(props, plan);
  return plan;
}

/**
 * n8n's `getParameterResolveOrder`, including its habit of listing a property both before and after
 * a sibling it depends on (harmless: the later pass wins). Where n8n would give up with "could not
 * resolve parameter dependencies" (a rule naming a sibling that does not exist), we stop reordering.
 */
function resolveOrder(props: NodeProperty[]): number[] {
  const deps = new Map<string, string[]>();
  for (const p of props) {
    const list = deps.get(p.name) ?? [];
    deps.set(p.name, list);
    for (const rule of Object.values(p.displayOptions ?? {})) {
      for (const key of Object.keys(rule ?? {})) {
        if (key.charAt(0) !== '@' && !list.includes(key)) list.push(key);
      }
    }
  }
  const order: number[] = [];
  const queue = props.map((_, i) => i);
  const resolved = new Set<string>();
  let lastLength = queue.length;
  let lastReduction = -1;
  let iterations = 0;
  while (queue.length !== 0) {
    iterations += 1;
    const index = queue.shift()!;
    const name = props[index].name;
    const own = deps.get(name)!;
    if (own.length === 0) {
      order.push(index);
      resolved.add(name);
      continue;
    }
    for (const dep of own) {
      if (!resolved.has(dep) && dep.charAt(0) !== '/') queue.push(index);
    }
    order.push(index);
    resolved.add(name);
    if (queue.length < lastLength) lastReduction = iterations;
    if (iterations > lastReduction + props.length) {
      for (const i of queue) if (!order.includes(i)) order.push(i);
      break;
    }
    lastLength = queue.length;
  }
  return order;
}
