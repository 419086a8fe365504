// The legacy Function node (n8n-nodes-base.function v1): code run once for all items (`items`) in
// the Code sandbox, with its own result rules.
import { NodeOperationError, type ExecuteContext, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { param } from '../shared/params.ts';
import { checkedItems, functionCode, notice, SHIMS } from './function-code.ts';

export const functionNode: NodeType = {
  outsideEffects: false,
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
