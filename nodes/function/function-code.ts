// What the legacy Function and Function Item nodes share: their parameters, the globals the Code
// sandbox names differently, and the checks on what the code returns.
import { NodeOperationError, type ExecuteContext, type Item, type NodeProperty } from '../../engine/index.ts';
import { normalizeItems, serialised } from '../code/code-result.ts';

export const notice: NodeProperty = {
  displayName: 'A newer version of this node type is available, called the ‘Code’ node',
  name: 'notice',
  type: 'notice',
  default: '',
};

export const functionCode = (def: string, description: string): NodeProperty => ({
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
export const SHIMS =
  "var getWorkflowStaticData = typeof $getWorkflowStaticData === 'function' ? $getWorkflowStaticData : undefined; ";

export function fail(ctx: ExecuteContext, message: string): never {
  throw new NodeOperationError(ctx.node.name, message);
}

export function checkedItems(ctx: ExecuteContext, result: unknown): Item[] {
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

