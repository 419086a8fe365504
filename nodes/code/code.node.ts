// Code (n8n-nodes-base.code v1, v2): runs JavaScript once for all items or once per item in the
// sandbox and turns the result into items with n8n's rules; v2 also runs Python (code-python.ts).
import type { ExecuteContext, Item, NodeProperty, NodeType } from '../../engine/index.ts';
import { param } from '../shared/params.ts';
import { codeFailure, codeNodeError } from './code-errors.ts';
import { executePython } from './code-python.ts';
import { checkNoAllItemsAccess, itemFromEachItemResult, itemsFromAllItemsResult } from './code-result.ts';

const jsCode = (show: Record<string, unknown[]>): NodeProperty => ({
  displayName: 'JavaScript',
  name: 'jsCode',
  type: 'string',
  typeOptions: { editor: 'codeNodeEditor', editorLanguage: 'javaScript' },
  default: '',
  description:
    'JavaScript code to execute.<br><br>Tip: You can use luxon vars like <code>$today</code> for dates and <code>$jmespath</code> for querying JSON structures. <a href="https://docs.n8n.io/nodes/n8n-nodes-base.function">Learn more</a>.',
  noDataExpression: true,
  displayOptions: { show },
});

const properties: NodeProperty[] = [
  {
    displayName: 'Mode',
    name: 'mode',
    type: 'options',
    noDataExpression: true,
    options: [
      { name: 'Run Once for All Items', value: 'runOnceForAllItems', description: 'Run this code only once, no matter how many input items there are' },
      { name: 'Run Once for Each Item', value: 'runOnceForEachItem', description: 'Run this code as many times as there are input items' },
    ],
    default: 'runOnceForAllItems',
  },
  {
    displayName: 'Language',
    name: 'language',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { '@version': [2] } },
    options: [
      { name: 'JavaScript', value: 'javaScript' },
      { name: 'Python (Beta)', value: 'python' },
      { name: 'Python (Native) (Beta)', value: 'pythonNative' },
    ],
    default: 'javaScript',
  },
  { displayName: 'Language', name: 'language', type: 'hidden', displayOptions: { show: { '@version': [1] } }, default: 'javaScript' },
  jsCode({ '@version': [1] }),
  jsCode({ '@version': [2], language: ['javaScript'] }),
  {
    displayName: 'Python',
    name: 'pythonCode',
    type: 'string',
    typeOptions: { editor: 'codeNodeEditor', editorLanguage: 'python' },
    default: '',
    noDataExpression: true,
    displayOptions: { show: { '@version': [2], language: ['python', 'pythonNative'] } },
  },
];

// As n8n 1.x's Code node: a run's error and an invalid result fail the same way, so with
// "continue" (regular or error output) both become an error item.
async function runForAllItems(ctx: ExecuteContext, code: string): Promise<Item[]> {
  try {
    return itemsFromAllItemsResult(await ctx.runCode(code, { mode: 'runOnceForAllItems', itemIndex: 0 }));
  } catch (error) {
    if (!ctx.continueOnFail()) throw codeNodeError(ctx.node.name, error);
    return [{ json: { error: codeFailure(error).message } }];
  }
}

async function runOneItem(ctx: ExecuteContext, code: string, index: number): Promise<Item | undefined> {
  checkNoAllItemsAccess(code, index);
  return itemFromEachItemResult(await ctx.runCode(code, { mode: 'runOnceForEachItem', itemIndex: index }), index);
}

async function runForEachItem(ctx: ExecuteContext, code: string): Promise<Item[]> {
  const output: Item[] = [];
  const count = ctx.getInputData().length;
  for (let index = 0; index < count; index++) {
    try {
      const item = await runOneItem(ctx, code, index);
      if (item) output.push(item);
    } catch (error) {
      if (!ctx.continueOnFail()) throw codeNodeError(ctx.node.name, error, index);
      output.push({ json: { error: codeFailure(error, index).message }, pairedItem: { item: index } });
    }
  }
  return output;
}

export const codeNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.code',
    displayName: 'Code',
    group: ['transform'],
    version: [1, 2],
    description: 'Run custom JavaScript or Python code',
    icon: 'fa:code',
    defaults: { name: 'Code' },
    inputs: ['main'],
    outputs: ['main'],
    properties,
  },
  async execute(ctx: ExecuteContext) {
    const language = ctx.node.typeVersion === 2 ? param(ctx, 'language', 0, 'javaScript') : 'javaScript';
    const mode = param(ctx, 'mode', 0, 'runOnceForAllItems');
    if (language === 'python' || language === 'pythonNative') {
      const eachItem = mode === 'runOnceForEachItem';
      return [await executePython(ctx, language, eachItem ? 'runOnceForEachItem' : 'runOnceForAllItems', String(param(ctx, 'pythonCode', 0, '')))];
    }
    const code = String(param(ctx, 'jsCode', 0, ''));
    return [mode === 'runOnceForEachItem' ? await runForEachItem(ctx, code) : await runForAllItems(ctx, code)];
  },
};
