// The legacy Function (once for all items, `items`) and Function Item (once per item, `item` is
// the item's json) nodes, run in the Code sandbox with their own result rules.
import { NodeOperationError, type ExecuteContext, type Item, type NodeProperty, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { param } from '../shared/params.ts';
import { normalizeItems, serialised } from './code-result.ts';

const notice: NodeProperty = {
  displayName: 'A newer version of this node type is available, called the ‘Code’ node',
  name: 'notice',
  type: 'notice',
  default: '',
};

const functionCode = (def: string, description: string): NodeProperty => ({
  displayName: 'JavaScript Code',
  name: 'functionCode',
  typeOptions: { alwaysOpenEditWindow: true, codeAutocomplete: 'function', editor: 'code', rows: 10 },
  type: 'string',
  default: def,
  description,
  noDataExpression: true,
});

// The Function globals that the Code sandbox names differently; kept on the first line so error
// line numbers still match the user's code.
const SHIMS =
  "var getWorkflowStaticData = typeof $getWorkflowStaticData === 'function' ? $getWorkflowStaticData : undefined; ";

function fail(ctx: ExecuteContext, message: string): never {
  throw new NodeOperationError(ctx.node.name, message);
}

function checkedItems(ctx: ExecuteContext, result: unknown): Item[] {
  if (result === undefined) fail(ctx, 'No data got returned. Always return an Array of items!');
  if (result === null) throw new TypeError("Cannot read properties of null (reading 'json')");
  const items = normalizeItems(result);
  for (const item of items) {
    if (item.json === undefined) fail(ctx, 'All returned items have to contain a property named "json"!');
    if (typeof item.json !== 'object') fail(ctx, 'The json-property has to be an object!');
    if (item.binary !== undefined && (Array.isArray(item.binary) || typeof item.binary !== 'object')) {
      fail(ctx, 'The binary-property has to be an object!');
    }
  }
  return serialised(items);
}

export const functionNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.function',
    displayName: 'Function',
    group: ['transform'],
    version: [1],
    description: 'Run custom function code which gets executed once and allows you to add, remove, change and replace items',
    icon: 'fa:code',
    defaults: { name: 'Function', color: '#FF9922' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      notice,
      functionCode(
        "// Code here will run only once, no matter how many input items there are.\n// More info and help:https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.function/\n// Tip: You can use luxon for dates and $jmespath for querying JSON structures\n\n// Loop over inputs and add a new field called 'myNewField' to the JSON of each one\nfor (item of items) {\n  item.json.myNewField = 1;\n}\n\n// You can write logs to the browser console\nconsole.log('Done!');\n\nreturn items;",
        'The JavaScript code to execute',
      ),
    ],
  },
  async execute(ctx: ExecuteContext) {
    const code = String(param(ctx, 'functionCode', 0, ''));
    try {
      return [checkedItems(ctx, await ctx.runCode(SHIMS + code, { mode: 'runOnceForAllItems', itemIndex: 0 }))];
    } catch (error) {
      if (ctx.continueOnFail()) return [[{ json: { error: errorMessage(error) } }]];
      if (error instanceof NodeOperationError) throw error;
      throw new NodeOperationError(ctx.node.name, errorMessage(error));
    }
  },
};

export const functionItemNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.functionItem',
    displayName: 'Function Item',
    group: ['transform'],
    version: [1],
    description: 'Run custom function code which gets executed once per item',
    icon: 'fa:code',
    defaults: { name: 'FunctionItem', color: '#ddbb33' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      notice,
      functionCode(
        "// Code here will run once per input item.\n// More info and help: https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.functionitem/\n// Tip: You can use luxon for dates and $jmespath for querying JSON structures\n\n// Add a new field called 'myNewField' to the JSON of the item\nitem.myNewField = 1;\n\n// You can write logs to the browser console\nconsole.log('Done!');\n\nreturn item;",
        'The JavaScript code to execute for each item',
      ),
    ],
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const output: Item[] = [];
    for (let index = 0; index < items.length; index++) {
      const code = String(param(ctx, 'functionCode', index, ''));
      // `item` is the item's json here; a parameter shadows the Code sandbox's `item`.
      const wrapped = `${SHIMS}return (async (item) => {${code}\n})($input.item.json);`;
      let json: unknown;
      try {
        json = await ctx.runCode(wrapped, { mode: 'runOnceForEachItem', itemIndex: index });
      } catch (error) {
        if (ctx.continueOnFail()) {
          output.push({ json: { error: errorMessage(error) } });
          continue;
        }
        throw new NodeOperationError(ctx.node.name, `${errorMessage(error)} [Item Index: ${index}]`, { itemIndex: index });
      }
      if (json === undefined) {
        if (ctx.continueOnFail()) {
          output.push({ json: { error: 'No data got returned. Always an object has to be returned!' }, pairedItem: { item: index } });
          continue;
        }
        fail(ctx, 'No data got returned. Always an object has to be returned!');
      }
      const item: Item = { json: serialised(json) as Item['json'], pairedItem: { item: index } };
      if (items[index].binary) item.binary = items[index].binary;
      output.push(item);
    }
    return [output];
  },
};
