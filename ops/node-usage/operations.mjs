// Operation-level coverage for measure.mjs: the (resource, operation) pair each workflow node uses,
// read as n8n reads it (a parameter left out of the JSON has the default of the property that is
// shown for the node's version and other parameters), and whether Weft's description of that node
// type (nodes/catalog.json) offers that pair for that version.

/** n8n's displayOptions condition on one value: a plain value, or `{_cnd: {gte: 2}}` and friends. */
function conditionHolds(condition, value) {
  if (condition && typeof condition === 'object' && '_cnd' in condition) {
    const [[op, arg]] = Object.entries(condition._cnd);
    switch (op) {
      case 'eq': return value === arg;
      case 'not': return value !== arg;
      case 'gte': return value >= arg;
      case 'lte': return value <= arg;
      case 'gt': return value > arg;
      case 'lt': return value < arg;
      case 'between': return value >= arg.from && value <= arg.to;
      case 'startsWith': return String(value).startsWith(arg);
      case 'endsWith': return String(value).endsWith(arg);
      case 'includes': return String(value).includes(arg);
      case 'regex': return new RegExp(arg).test(String(value));
      case 'exists': return value !== undefined;
      default: return false;
    }
  }
  return condition === value;
}

/** Whether a property is shown for these values (`@version` is the node's version). */
function shown(property, values) {
  const { show, hide } = property.displayOptions ?? {};
  for (const [key, allowed] of Object.entries(show ?? {})) {
    if (!(key in values)) continue; // a parameter we do not resolve: n8n would judge it, we let it pass
    if (!allowed.some((c) => conditionHolds(c, values[key]))) return false;
  }
  for (const [key, denied] of Object.entries(hide ?? {})) {
    if (key in values && denied.some((c) => conditionHolds(c, values[key]))) return false;
  }
  return true;
}

const versionsOf = (description) => [description.version].flat().map(Number);

/** The description of `type` for `version`: the one listing it, else the newest one before it, else the oldest. */
function descriptionFor(descriptions, version) {
  if (!descriptions?.length) return undefined;
  const exact = descriptions.find((d) => versionsOf(d).includes(version));
  if (exact) return exact;
  const older = descriptions.filter((d) => Math.max(...versionsOf(d)) <= version).sort((a, b) => Math.max(...versionsOf(b)) - Math.max(...versionsOf(a)));
  return older[0] ?? descriptions[0];
}

/** Shown `name` properties for these values, and the value the node has: its parameter, else the shown property's default. */
function resolve(description, name, parameters, values) {
  // A hidden `operation` (Execute Workflow's call_workflow) is no choice the user makes; a hidden
  // `resource` (Postgres' database) is kept, as the operation's displayOptions name it.
  const candidates = description.properties.filter((p) => p.name === name && !(name === 'operation' && p.type === 'hidden') && shown(p, values));
  if (!candidates.length) return { present: false };
  const given = parameters?.[name];
  return { present: true, given: typeof given === 'string', value: typeof given === 'string' ? given : candidates[0].default };
}

/** The values displayOptions are judged on: the node's version and its scalar parameters. */
function valuesOf(node) {
  const values = { '@version': Number(node.typeVersion ?? 1) };
  for (const [key, value] of Object.entries(node.parameters ?? {})) if (value === null || typeof value !== 'object') values[key] = value;
  return values;
}

/** The node's resource and operation as n8n would run it; undefined when the node type has neither. */
export function pairOf(descriptions, node) {
  const description = descriptionFor(descriptions, Number(node.typeVersion ?? 1));
  if (!description) return undefined;
  const values = valuesOf(node);
  const resource = resolve(description, 'resource', node.parameters, values);
  if (resource.present) values.resource = resource.value;
  const operation = resolve(description, 'operation', node.parameters, values);
  if (!resource.present && !operation.present) return undefined;
  return { resource: resource.present ? String(resource.value) : '-', operation: operation.present ? String(operation.value) : '-', resourceGiven: resource.given === true };
}

/**
 * Whether Weft's description of the node's type offers its resource and operation for its version.
 * A Weft description without a resource parameter (an older version written that way) still
 * declares an operation whose resource the workflow left at n8n's default.
 */
export function declares(descriptions, node, pair) {
  const description = descriptionFor(descriptions, Number(node.typeVersion ?? 1));
  if (!description) return false;
  const values = valuesOf(node);
  const has = (name, vals) => description.properties.some((p) => p.name === name && shown(p, vals));
  const offers = (name, value, vals) => value === '-'
    ? !has(name, vals)
    : description.properties.some((p) => p.name === name && shown(p, vals) && (p.options ?? []).some((o) => o.value === value));
  const resourceFree = pair.resource !== '-' && !pair.resourceGiven && !has('resource', values);
  if (!resourceFree && !offers('resource', pair.resource, values)) return false;
  if (pair.resource !== '-' && !resourceFree) values.resource = pair.resource;
  return offers('operation', pair.operation, values);
}

/** Descriptions by node type name, from an array of n8n descriptions (`prefix` + name) or Weft's catalog entries. */
export function byType(descriptions, prefix = '') {
  const map = new Map();
  for (const d of descriptions) {
    const name = prefix + d.name;
    if (!map.has(name)) map.set(name, []);
    map.get(name).push(d);
  }
  return map;
}

/**
 * For the node types Weft has: per (type, resource, operation) the workflows and nodes using it and
 * whether Weft declares it; plus the share of such node uses (and workflows) that Weft declares.
 */
export function measureOperations(workflows, n8nByType, weftByType) {
  const pairs = new Map();
  let uses = 0, declaredUses = 0, workflowsWithOps = 0, workflowsAllDeclared = 0, notN8n = 0;
  for (const w of workflows) {
    let any = false, all = true;
    const counted = new Set();
    for (const node of w.nodes) {
      const weft = weftByType.get(node.type);
      if (!weft) continue;
      const n8n = n8nByType.get(node.type);
      const pair = pairOf(n8n ?? weft, node);
      if (!pair) continue;
      // An operation n8n itself does not have (a hand-edited or generated workflow) would not run there either.
      if (n8n && !declares(n8n, node, pair)) { notN8n++; continue; }
      const ok = declares(weft, node, pair);
      const key = `${node.type}\u0001${pair.resource}\u0001${pair.operation}`;
      if (!pairs.has(key)) pairs.set(key, { type: node.type, resource: pair.resource, operation: pair.operation, workflows: 0, nodes: 0, missingWorkflows: 0, missingNodes: 0, missingVersions: [] });
      const entry = pairs.get(key);
      entry.nodes++;
      if (!counted.has(key)) { counted.add(key); entry.workflows++; }
      // One version of a node may lack what another has: the uses Weft does not declare are counted apart.
      if (!ok) {
        entry.missingNodes++;
        if (!counted.has(`${key}\u0001missing`)) { counted.add(`${key}\u0001missing`); entry.missingWorkflows++; }
        const version = Number(node.typeVersion ?? 1);
        if (!entry.missingVersions.includes(version)) entry.missingVersions.push(version);
      }
      uses++; if (ok) declaredUses++;
      any = true; all &&= ok;
    }
    if (any) { workflowsWithOps++; if (all) workflowsAllDeclared++; }
  }
  const rows = [...pairs.values()].sort((a, b) => b.missingWorkflows - a.missingWorkflows || b.workflows - a.workflows || a.type.localeCompare(b.type));
  return { rows, uses, declaredUses, workflowsWithOps, workflowsAllDeclared, notN8n };
}

/** The markdown section: the headline figures and the most used pairs Weft's nodes do not declare. */
export function operationsSection(result, totalWorkflows, top = 60) {
  const f1 = (n, d) => (d ? (100 * n / d).toFixed(1) : '0.0');
  const missing = result.rows.filter((r) => r.missingNodes > 0);
  let md = `## Operation coverage (resource, operation) in node types Weft has\n\n`;
  md += `Each node of a type Weft has, whose n8n description has a \`resource\` or \`operation\` parameter, is read as n8n reads it: a parameter left out of the JSON takes the default of the property shown for its typeVersion and other parameters (from n8n's \`dist/types/nodes.json\`). The pair is *declared* when Weft's description of that type (nodes/catalog.json, the one for that version or the newest before it) offers that resource and that operation for that resource.\n\n`;
  md += `Left out: ${result.notN8n} node uses whose resource/operation n8n's own description of that version does not offer (invented or mistyped in the workflow; n8n would not run them either).\n\n`;
  md += `| measure | declared / all | % |\n|---|---|---|\n`;
  md += `| node uses | ${result.declaredUses} / ${result.uses} | ${f1(result.declaredUses, result.uses)}% |\n`;
  md += `| importable workflows whose every such node is declared | ${result.workflowsAllDeclared} / ${result.workflowsWithOps} | ${f1(result.workflowsAllDeclared, result.workflowsWithOps)}% |\n`;
  md += `| distinct (type, resource, operation) pairs used, declared for every version used | ${result.rows.length - missing.length} / ${result.rows.length} | ${f1(result.rows.length - missing.length, result.rows.length)}% |\n\n`;
  md += `### Most used (type, resource, operation) pairs Weft's nodes do not declare (top ${top})\n\nWorkflows and nodes count the uses not declared (for the typeVersions listed); "all uses" counts every workflow using the pair.\n\n`;
  md += `| node type | resource | operation | workflows | % of importable | nodes | typeVersions not declared | all uses (workflows) |\n|---|---|---|---|---|---|---|---|\n`;
  md += missing.slice(0, top).map((r) => `| \`${r.type}\` | ${r.resource} | ${r.operation} | ${r.missingWorkflows} | ${f1(r.missingWorkflows, totalWorkflows)} | ${r.missingNodes} | ${r.missingVersions.sort((a, b) => a - b).join(', ')} | ${r.workflows} |`).join('\n') + '\n\n';
  return md;
}
