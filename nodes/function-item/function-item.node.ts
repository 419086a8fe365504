// The legacy Function Item node (n8n-nodes-base.functionItem v1): code run once per item, where
// `item` is the item's json, in the Code sandbox.
import { NodeOperationError, type ExecuteContext, type Item, type NodeType } from '../../engine/index.ts';
import { serialised } from '../code/code-result.ts';
import { errorMessage } from '../shared/items.ts';
import { param } from '../shared/params.ts';
import { fail, functionCode, notice, SHIMS } from '../function/function-code.ts';

export const functionItemNode: NodeType = {
  outsideEffects: false,
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
