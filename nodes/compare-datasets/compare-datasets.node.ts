// Compare Datasets (n8n-nodes-base.compareDatasets v1 – v2.3): matches input A against input B and
// routes items to "In A only", "Same", "Different" and "In B only".
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeDescription, type NodeType } from '../../engine/index.ts';
import { stampedInput } from '../transform-shared/items.ts';
import { collection, fail, fixedCollectionEntries, param } from '../transform-shared/params.ts';
import { getPath } from '../transform-shared/path.ts';
import { isEmptyValue } from '../transform-shared/values.ts';
import { compareDatasetsProperties } from './compare-datasets.description.ts';
import { CompareError, findMatches, type MatchField } from './find-matches.ts';

function checkMatchFields(ctx: ExecuteContext, fields: MatchField[]): MatchField[] {
  if (fields.length === 1 && fields[0].field1 === '' && fields[0].field2 === '') {
    fail(ctx, 'You need to define at least one pair of fields in "Fields to Match" to match on');
  }
  fields.forEach((pair, index) => {
    if (pair.field1 === '' || pair.field2 === '') {
      fail(ctx, `You need to define both fields in "Fields to Match" for pair ${index + 1},
				 field 1 = '${pair.field1}'
				 field 2 = '${pair.field2}'`);
    }
  });
  return fields;
}

/** Drops items with empty json; before v2.2 also requires each match field in some item. */
function checkInput(ctx: ExecuteContext, input: Item[], fields: string[] | null, disableDotNotation: boolean, label: string): Item[] {
  const kept = input.filter((item) => !isEmptyValue(item.json));
  if (!fields || kept.length === 0) return kept;
  for (const field of fields) {
    const present = kept.some((item) =>
      disableDotNotation ? Object.prototype.hasOwnProperty.call(item.json, field) : getPath(item.json, field) !== undefined,
    );
    if (!present) fail(ctx, `Field '${field}' is not present in any of items in '${label}'`);
  }
  return kept;
}

/** `requiredInputs: 1`: once nothing else can run, it runs with whichever input arrived (n8n). */
const description: NodeDescription & { requiredInputs: number } = {
    name: 'n8n-nodes-base.compareDatasets',
    displayName: 'Compare Datasets',
    group: ['transform'],
    version: [1, 2, 2.1, 2.2, 2.3],
    description: 'Compare two inputs for changes',
    defaults: { name: 'Compare Datasets' },
    inputs: ['main', 'main'],
    outputs: ['main', 'main', 'main', 'main'],
    outputNames: ['In A only', 'Same', 'Different', 'In B only'],
    properties: compareDatasetsProperties,
    requiredInputs: 1,
};

export const compareDatasetsNode: NodeType = {
  outsideEffects: false,
  description,
  async execute(ctx: ExecuteContext) {
    const version = ctx.node.typeVersion;
    const fields = checkMatchFields(
      ctx,
      fixedCollectionEntries(ctx, 'mergeByFields', 'values', 0, { field1: '', field2: '' }, { values: [{ field1: '', field2: '' }] }) as unknown as MatchField[],
    );
    const options: JsonObject = collection(ctx, 'options', 0);
    const fuzzyCompare = version >= 2 ? param(ctx, 'fuzzyCompare', 0, false) : options.fuzzyCompare === true;
    const disableDotNotation = options.disableDotNotation === true;
    const strict = version < 2.2;
    const input1 = checkInput(ctx, stampedInput(ctx.getInputData(0)), strict ? fields.map((f) => f.field1) : null, disableDotNotation, 'Input A');
    const input2 = checkInput(ctx, stampedInput(ctx.getInputData(1), 1), strict ? fields.map((f) => f.field2) : null, disableDotNotation, 'Input B');
    const resolve = param(ctx, 'resolve', 0, version <= 2 ? 'preferInput2' : 'includeBoth');
    try {
      return findMatches(input1, input2, fields, {
        nodeVersion: version,
        fuzzyCompare: fuzzyCompare === true,
        disableDotNotation,
        multipleMatches: String(options.multipleMatches ?? 'first'),
        skipFields: String(options.skipFields ?? '').split(',').map((field) => field.trim()),
        resolve,
        preferWhenMix: resolve === 'mix' ? param(ctx, 'preferWhenMix', 0, 'input1') : undefined,
        exceptWhenMix: resolve === 'mix' ? param<unknown>(ctx, 'exceptWhenMix', 0, '') : undefined,
      });
    } catch (error) {
      if (error instanceof CompareError) throw new NodeOperationError(ctx.node.name, error.message);
      throw error;
    }
  },
};
