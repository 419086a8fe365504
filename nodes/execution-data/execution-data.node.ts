// Execution Data (n8n-nodes-base.executionData v1, 1.1): saves key/value pairs on the run's
// `$execution.customData` (n8n's execution metadata) and passes its input through unchanged.
import type { ExecuteContext, Item, NodeProperty, NodeType } from '../../engine/index.ts';
import { param } from '../shared/params.ts';

const properties: NodeProperty[] = [
  { displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, default: 'save',
    options: [{ name: 'Save Highlight Data (for Search/review)', value: 'save', action: 'Save Highlight Data (for search/review)' }] },
  {
    displayName: 'Data to Save', name: 'dataToSave', placeholder: 'Add Saved Field', type: 'fixedCollection',
    typeOptions: { multipleValueButtonText: 'Add Saved Field', multipleValues: true },
    displayOptions: { show: { operation: ['save'] } },
    default: {},
    options: [{
      displayName: 'Values', name: 'values',
      values: [
        { displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'e.g. myKey' },
        { displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'e.g. myValue' },
      ],
    }],
  },
] as NodeProperty[];

/**
 * The SDK has no custom-data call of its own, so the values go through the same
 * `$execution.customData.setAll` that Code nodes use (key rules, limits, manual-only errors).
 * They travel as one JSON string literal with its braces escaped, so no value can end the `{{ }}`.
 */
export function setAllExpression(values: Record<string, unknown>): string {
  const literal = JSON.stringify(JSON.stringify(values)).replace(/\{/g, '\\u007b').replace(/\}/g, '\\u007d');
  return `{{ $execution.customData.setAll(JSON.parse(${literal})) }}`;
}

function saveItem(ctx: ExecuteContext, itemIndex: number): void {
  const dataToSave = param<unknown>(ctx, 'dataToSave', itemIndex, {}) as { values?: Array<{ key?: unknown; value?: unknown }> };
  const values: Record<string, unknown> = {};
  for (const { key, value } of dataToSave?.values ?? []) values[String(key ?? '')] = value ?? '';
  ctx.evaluateExpression(setAllExpression(values), itemIndex);
}

export const executionDataNode: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.executionData',
    displayName: 'Execution Data',
    icon: 'fa:tasks',
    group: ['input'],
    version: [1, 1.1],
    description: 'Add execution data for search',
    defaults: { name: 'Execution Data', color: '#29A568' },
    inputs: ['main'],
    outputs: ['main'],
    properties,
  },
  async execute(ctx) {
    const items: Item[] = ctx.getInputData();
    if (param(ctx, 'operation', 0, 'save') === 'save') {
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) saveItem(ctx, itemIndex);
    }
    return [items];
  },
};
