// Switch v1 and v2 (n8n-nodes-base.switch): one value compared against a list of typed rules
// (boolean, dateTime, number or string), or an expression naming the output. v1 has four fixed
// outputs and each rule names its output; v2 has one output per rule (or `outputsAmount`).
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeDescription, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { errorMessage, stampedInput } from '../shared/items.ts';
import { compareOperations, convertDateTime } from '../shared/legacy-conditions.ts';
import { param } from '../shared/params.ts';

const option = (name: string, value: unknown) => ({ name, value });
const STRING_OPERATIONS = [
  ['Contains', 'contains'], ['Not Contains', 'notContains'], ['Ends With', 'endsWith'], ['Not Ends With', 'notEndsWith'],
  ['Equal', 'equal'], ['Not Equal', 'notEqual'], ['Regex Match', 'regex'], ['Regex Not Match', 'notRegex'],
  ['Starts With', 'startsWith'], ['Not Starts With', 'notStartsWith'],
];
const NUMBER_OPERATIONS = [
  ['Smaller', 'smaller'], ['Smaller Equal', 'smallerEqual'], ['Equal', 'equal'], ['Not Equal', 'notEqual'], ['Larger', 'larger'], ['Larger Equal', 'largerEqual'],
];
const TYPES: Array<{ type: 'boolean' | 'dateTime' | 'number' | 'string'; label: string; def1: unknown; def2: unknown; operations: string[][]; defaultOp: string }> = [
  { type: 'boolean', label: 'Boolean', def1: false, def2: false, operations: [['Equal', 'equal'], ['Not Equal', 'notEqual']], defaultOp: 'equal' },
  { type: 'dateTime', label: 'Dates', def1: '', def2: 0, operations: [['Occurred After', 'after'], ['Occurred Before', 'before']], defaultOp: 'after' },
  { type: 'number', label: 'Numbers', def1: 0, def2: 0, operations: NUMBER_OPERATIONS, defaultOp: 'smaller' },
  { type: 'string', label: 'Strings', def1: '', def2: '', operations: STRING_OPERATIONS, defaultOp: 'equal' },
];

function properties(version: 1 | 2): NodeProperty[] {
  const rulesShow = (type: string) => ({ show: { dataType: [type], mode: ['rules'] } });
  const target: NodeProperty = version === 1
    ? { displayName: 'Output', name: 'output', type: 'number', typeOptions: { minValue: 0, maxValue: 3 }, default: 0, description: 'The index of output to which to send data to if rule matches' }
    : { displayName: 'Output Key', name: 'outputKey', type: 'string', default: '', description: 'The label of output to which to send data to if rule matches' };
  const perType = TYPES.flatMap(({ type, label, def1, def2, operations, defaultOp }): NodeProperty[] => [
    { displayName: 'Value 1', name: 'value1', type: type === 'dateTime' ? 'dateTime' : type, default: def1, displayOptions: rulesShow(type), description: 'The value to compare with the second one' },
    {
      displayName: 'Routing Rules',
      name: 'rules',
      placeholder: 'Add Routing Rule',
      type: 'fixedCollection',
      typeOptions: { multipleValues: true, ...(version === 2 ? { sortable: true } : {}) },
      displayOptions: rulesShow(type),
      default: {},
      options: [
        {
          name: 'rules',
          displayName: label,
          values: [
            { displayName: 'Operation', name: 'operation', type: 'options', options: operations.map(([n, v]) => option(n, v)), default: defaultOp, description: 'Operation to decide where the data should be mapped to' },
            { displayName: 'Value 2', name: 'value2', type: type === 'dateTime' ? 'dateTime' : type, default: def2, description: 'The value to compare with the first one' },
            target,
          ],
        },
      ],
    },
  ]);
  return [
    {
      displayName: 'Mode',
      name: 'mode',
      type: 'options',
      options: [
        { name: 'Expression', value: 'expression', description: 'Expression decides how to route data' },
        { name: 'Rules', value: 'rules', description: 'Rules decide how to route data' },
      ],
      default: 'rules',
      description: 'How data should be routed',
    },
    version === 1
      ? { displayName: 'Output', name: 'output', type: 'number', typeOptions: { minValue: 0, maxValue: 3 }, displayOptions: { show: { mode: ['expression'] } }, default: 0, description: 'The index of output to which to send data to' }
      : { displayName: 'Output', name: 'output', type: 'string', displayOptions: { show: { mode: ['expression'] } }, default: '', description: 'The index of output to which to send data to' },
    ...(version === 2
      ? [{ displayName: 'Outputs Amount', name: 'outputsAmount', type: 'number', displayOptions: { show: { mode: ['expression'] } }, default: 4, description: 'Amount of outputs to create' } as NodeProperty]
      : []),
    {
      displayName: 'Data Type',
      name: 'dataType',
      type: 'options',
      displayOptions: { show: { mode: ['rules'] } },
      options: [option('Boolean', 'boolean'), option('Date & Time', 'dateTime'), option('Number', 'number'), option('String', 'string')],
      default: 'number',
      description: 'The type of data to route on',
    },
    ...perType,
    {
      displayName: 'Fallback Output',
      name: 'fallbackOutput',
      type: 'options',
      displayOptions: { show: { mode: ['rules'] } },
      options: [option('None', -1), option('0', 0), option('1', 1), option('2', 2), option('3', 3)],
      default: -1,
      description: 'The output to which to route all items which do not match any of the rules',
    },
  ];
}

function route(ctx: ExecuteContext, version: 1 | 2): Item[][] {
  let outputs: Item[][] = version === 1 ? [[], [], [], []] : [];
  const checkIndexRange = (index: number) => {
    if (index < 0 || index >= outputs.length) {
      throw new NodeOperationError(ctx.node.name, `The ouput ${index} is not allowed. It has to be between 0 and ${outputs.length - 1}!`);
    }
  };
  const push = (index: number, item: Item) => {
    checkIndexRange(index);
    outputs[index].push(item);
  };
  const dataType = param(ctx, 'dataType', 0, 'number');
  const defaults = TYPES.find((t) => t.type === dataType) ?? TYPES[2];
  stampedInput(ctx.getInputData()).forEach((item, itemIndex) => {
    try {
      const rules = (param<JsonObject>(ctx, 'rules', itemIndex, {})?.rules as JsonObject[] | undefined) ?? [];
      const mode = param(ctx, 'mode', itemIndex, 'rules');
      if (mode === 'expression') {
        if (version === 2 && itemIndex === 0) outputs = Array.from({ length: Number(param(ctx, 'outputsAmount', itemIndex, 4)) }, () => []);
        push(Number(param<unknown>(ctx, 'output', itemIndex, version === 1 ? 0 : '')), item);
        return;
      }
      if (version === 2 && itemIndex === 0) outputs = rules.map(() => []);
      let value1: unknown = param<unknown>(ctx, 'value1', itemIndex, defaults.def1);
      if (dataType === 'dateTime') value1 = convertDateTime(ctx.node.name, value1);
      for (const [ruleIndex, rule] of rules.entries()) {
        let value2: unknown = rule.value2 ?? defaults.def2;
        if (dataType === 'dateTime') value2 = convertDateTime(ctx.node.name, value2);
        const compare = compareOperations[String(rule.operation ?? defaults.defaultOp)];
        if (!compare?.(value1, value2)) continue;
        if (version === 1) push(Number(rule.output ?? 0), item);
        else outputs[ruleIndex].push(item);
        return;
      }
      const fallback = Number(param(ctx, 'fallbackOutput', itemIndex, -1));
      if (fallback !== -1) push(fallback, item);
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      (outputs[0] ??= []).push({ json: { error: errorMessage(error) } });
    }
  });
  return outputs;
}

function description(version: 1 | 2): NodeDescription & { outputsFor?: (p: Record<string, unknown>) => string[] } {
  return {
    name: 'n8n-nodes-base.switch',
    displayName: 'Switch',
    group: ['transform'],
    version: [version],
    description: 'Route items depending on defined expression or rules',
    icon: 'fa:map-signs',
    defaults: { name: 'Switch', color: '#506000' },
    inputs: ['main'],
    outputs: version === 1 ? ['main', 'main', 'main', 'main'] : ['main'],
    ...(version === 1
      ? { outputNames: ['0', '1', '2', '3'] }
      : {
          outputsFor: (p: Record<string, unknown>) => {
            const count = p.mode === 'expression' ? Number(p.outputsAmount ?? 4) : ((p.rules as { rules?: unknown[] } | undefined)?.rules ?? []).length;
            return Array.from({ length: count }, () => 'main');
          },
        }),
    properties: properties(version),
  };
}

export const switchV1Node: NodeType = { description: description(1), execute: async (ctx) => route(ctx, 1) };
export const switchV2Node: NodeType = { description: description(2), execute: async (ctx) => route(ctx, 2) };
