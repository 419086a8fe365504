// Switch v3 (n8n-nodes-base.switch 3–3.4): routes each item to the output of the first matching
// rule (or every matching one), with an optional fallback; or to an output index computed by an
// expression. The node has as many outputs as rules (+1 for an "extra" fallback) or numberOutputs.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeDescription, type NodeType } from '../../engine/index.ts';
import { derivedFilterOptions, evaluateFilter, isLooseTypeValidation } from '../shared/filter-node.ts';
import { errorMessage, stampedInput } from '../shared/items.ts';
import { collection, param } from '../shared/params.ts';
import { validateFieldType } from '../shared/type-validation.ts';
import { DEFAULT_RULES, switchV3Properties } from './switch-v3.description.ts';
import { switchV3Methods } from './switch-v3-methods.ts';

function filterVersion(typeVersion: number): number {
  if (typeVersion >= 3.4) return 3;
  return typeVersion >= 3.2 ? 2 : 1;
}

/** n8n's range check; `index` may be anything an expression returned. */
function checkIndexRange(ctx: ExecuteContext, outputs: number, index: unknown, itemIndex: number): void {
  if (Number(index) === outputs) {
    throw new NodeOperationError(ctx.node.name, `The ouput ${String(index)} is not allowed. `, {
      itemIndex,
      description: `Output indexes are zero based, if you want to use the extra output use ${Number(index) - 1}`,
    });
  }
  if ((index as number) < 0 || (index as number) > outputs) {
    throw new NodeOperationError(ctx.node.name, `The ouput ${String(index)} is not allowed`, {
      itemIndex,
      description: `It has to be between 0 and ${outputs - 1}`,
    });
  }
}

function push(ctx: ExecuteContext, outputs: Item[][], index: unknown, item: Item, itemIndex: number): void {
  const output = outputs[index as number];
  if (!output) {
    throw new NodeOperationError(ctx.node.name, "Cannot read properties of undefined (reading 'push')", { itemIndex });
  }
  output.push(item);
}

function outputIndex(ctx: ExecuteContext, itemIndex: number): unknown {
  const value = param<unknown>(ctx, 'output', itemIndex, undefined);
  const checked = validateFieldType('output', value, 'number');
  if (!checked.valid) {
    throw new NodeOperationError(ctx.node.name, `Invalid input for 'Output Index' [item ${itemIndex}]`, {
      itemIndex,
      description: checked.errorMessage,
    });
  }
  return checked.newValue;
}

/** Routes one item in rules mode; returns nothing, fills `outputs`. */
function routeByRules(ctx: ExecuteContext, item: Item, itemIndex: number, rules: JsonObject[], options: JsonObject, outputs: Item[][]): void {
  const isLoose = isLooseTypeValidation(ctx, itemIndex, options, 3.1);
  const fallbackOptions = derivedFilterOptions(isLoose, options, filterVersion(ctx.node.typeVersion));
  let matchFound = false;
  for (const [ruleIndex, rule] of rules.entries()) {
    if (!evaluateFilter(ctx, rule.conditions ?? {}, itemIndex, fallbackOptions, isLoose)) continue;
    matchFound = true;
    checkIndexRange(ctx, outputs.length, rule.output, itemIndex);
    outputs[ruleIndex].push(item);
    if (!options.allMatchingOutputs) return;
  }
  const fallback = options.fallbackOutput;
  if (fallback === undefined || fallback === 'none' || matchFound) return;
  if (fallback === 'extra') {
    outputs[outputs.length - 1].push(item);
    return;
  }
  checkIndexRange(ctx, outputs.length, fallback, itemIndex);
  push(ctx, outputs, fallback, item, itemIndex);
}

/** One output per rule (+1 for an "extra" fallback), or numberOutputs in expression mode. */
export function switchOutputs(parameters: Record<string, unknown>): string[] {
  if (parameters.mode === 'expression') return Array.from({ length: Number(parameters.numberOutputs ?? 4) || 0 }, () => 'main');
  const rules = (parameters.rules as { values?: unknown[] } | undefined)?.values ?? [];
  const extra = (parameters.options as { fallbackOutput?: unknown } | undefined)?.fallbackOutput === 'extra' ? 1 : 0;
  return Array.from({ length: rules.length + extra }, () => 'main');
}

const description: NodeDescription & { outputsFor: typeof switchOutputs } = {
  name: 'n8n-nodes-base.switch',
  displayName: 'Switch',
  group: ['transform'],
  version: [3, 3.1, 3.2, 3.3, 3.4],
  description: 'Route items depending on defined expression or rules',
  icon: 'fa:map-signs',
  defaults: { name: 'Switch', color: '#506000' },
  inputs: ['main'],
  outputs: ['main'],
  outputsFor: switchOutputs,
  properties: switchV3Properties,
};

export const switchV3Node: NodeType = {
  outsideEffects: false,
  methods: switchV3Methods,
  description,
  async execute(ctx: ExecuteContext) {
    let outputs: Item[][] = [];
    const items = stampedInput(ctx.getInputData());
    const mode = param(ctx, 'mode', 0, 'rules');

    for (const [itemIndex, item] of items.entries()) {
      try {
        if (mode === 'expression') {
          const count = Number(param(ctx, 'numberOutputs', itemIndex, 4));
          if (itemIndex === 0) outputs = Array.from({ length: count }, () => []);
          const index = outputIndex(ctx, itemIndex);
          checkIndexRange(ctx, outputs.length, index, itemIndex);
          push(ctx, outputs, index, item, itemIndex);
        } else if (mode === 'rules') {
          const rulesValue = param<JsonObject>(ctx, 'rules', itemIndex, DEFAULT_RULES);
          const rules = Array.isArray(rulesValue?.values) ? (rulesValue.values as JsonObject[]) : [];
          if (!rules.length) continue;
          const options = collection(ctx, 'options', itemIndex);
          if (itemIndex === 0) {
            outputs = Array.from({ length: rules.length }, () => []);
            if (options.fallbackOutput === 'extra') outputs.push([]);
          }
          routeByRules(ctx, item, itemIndex, rules, options, outputs);
        }
      } catch (error) {
        if (!ctx.continueOnFail()) throw error;
        if (!outputs[0]) outputs[0] = [];
        outputs[0].push({ json: { error: errorMessage(error) } });
      }
    }
    return outputs.length ? outputs : [[]];
  },
};
