// Sort: simple (by fields), random, or by a user comparator (n8n Sort v1, Item Lists "sort").
import type { ExecuteContext, Item, NodeProperty } from '../../engine/index.ts';
import { disableDotNotationOption } from './items.ts';
import { fail } from './params.ts';
import { getPath } from './path.ts';
import { isEqual, lessThan } from './values.ts';

export interface SortField {
  fieldName: string;
  order: 'ascending' | 'descending' | string;
}

const DEFAULT_CODE = `// The two items to compare are in the variables a and b
	// Access the fields in a.json and b.json
	// Return -1 if a should go before b
	// Return 1 if b should go before a
	// Return 0 if there's no difference

	fieldName = 'myField';

	if (a.json[fieldName] < b.json[fieldName]) {
	return -1;
	}
	if (a.json[fieldName] > b.json[fieldName]) {
	return 1;
	}
	return 0;`;

export const sortProperties: NodeProperty[] = [
  {
    displayName: 'Type',
    name: 'type',
    type: 'options',
    options: [
      { name: 'Simple', value: 'simple' },
      { name: 'Random', value: 'random' },
      { name: 'Code', value: 'code' },
    ],
    default: 'simple',
    description: 'The type of sorting to perform',
  },
  {
    displayName: 'Fields To Sort By',
    name: 'sortFieldsUi',
    type: 'fixedCollection',
    typeOptions: { multipleValues: true },
    placeholder: 'Add Field To Sort By',
    options: [
      {
        displayName: '',
        name: 'sortField',
        values: [
          { displayName: 'Field Name', name: 'fieldName', type: 'string', required: true, default: '', description: 'The field to sort by', placeholder: 'e.g. id' },
          {
            displayName: 'Order',
            name: 'order',
            type: 'options',
            options: [
              { name: 'Ascending', value: 'ascending' },
              { name: 'Descending', value: 'descending' },
            ],
            default: 'ascending',
            description: 'The order to sort by',
          },
        ],
      },
    ],
    default: {},
    description: 'The fields of the input items to sort by',
    displayOptions: { show: { type: ['simple'] } },
  },
  {
    displayName: 'Code',
    name: 'code',
    type: 'string',
    typeOptions: { alwaysOpenEditWindow: true, editor: 'jsEditor', rows: 10 },
    default: DEFAULT_CODE,
    description: 'Javascript code to determine the order of any two items',
    displayOptions: { show: { type: ['code'] } },
  },
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    displayOptions: { show: { type: ['simple'] } },
    options: [disableDotNotationOption],
  },
];

export { DEFAULT_CODE as defaultSortCode };

/** Fisher–Yates, as n8n's shuffleArray. */
export function shuffle<T>(array: T[]): T[] {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

function sortValue(item: Item, field: string, disableDotNotation: boolean): unknown {
  const value = disableDotNotation ? item.json[field] : getPath(item.json, field);
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** n8n's comparator: strings lower-cased, deep-equal values tie, otherwise lodash `lt` decides. */
export function compareBySortFields(fields: SortField[], disableDotNotation: boolean) {
  const directed = fields.map((field) => ({ name: field.fieldName, dir: field.order === 'ascending' ? 1 : -1 }));
  return (a: Item, b: Item): number => {
    for (const field of directed) {
      const aValue = sortValue(a, field.name, disableDotNotation);
      const bValue = sortValue(b, field.name, disableDotNotation);
      if (!isEqual(aValue, bValue)) return lessThan(aValue, bValue) ? -field.dir : field.dir;
    }
    return 0;
  };
}

export function sortSimple(ctx: ExecuteContext, items: Item[], fields: SortField[], disableDotNotation: boolean): Item[] {
  if (!fields.length) fail(ctx, 'No sorting specified. Please add a field to sort by');
  for (const { fieldName } of fields) {
    const found = items.some((item) =>
      disableDotNotation
        ? Object.prototype.hasOwnProperty.call(item.json, fieldName)
        : getPath(item.json, fieldName) !== undefined,
    );
    if (found) continue;
    if (disableDotNotation && fieldName.includes('.')) {
      fail(ctx, `Couldn't find the field '${fieldName}' in the input data`, {
        description: "If you're trying to use a nested field, make sure you turn off 'disable dot notation' in the node options",
      });
    }
    fail(ctx, `Couldn't find the field '${fieldName}' in the input data`);
  }
  return [...items].sort(compareBySortFields(fields, disableDotNotation));
}

/**
 * Sorts with the user's comparator body (variables `a` and `b`) in the code sandbox. The sandbox
 * returns the new order as input positions, so items keep their own pairing.
 */
export async function sortByCode(ctx: ExecuteContext, items: Item[], code: string): Promise<Item[]> {
  if (!/\breturn\b/.test(code)) fail(ctx, "Sort code doesn't return. Please add a 'return' statement to your code");
  const program = [
    'const __items = (typeof items !== "undefined" ? items : $input.all());',
    'const __order = new Map(__items.map((item, index) => [item, index]));',
    `return [...__items].sort((a, b) => { ${code} }).map((item) => ({ json: { index: __order.get(item) } }));`,
  ].join('\n');
  const result = await ctx.runCode(program, { mode: 'runOnceForAllItems' });
  if (!Array.isArray(result)) fail(ctx, 'Sort code did not return the items');
  return (result as unknown[]).map((entry) => {
    const index = typeof entry === 'number' ? entry : (entry as { json?: { index?: number } })?.json?.index;
    if (typeof index !== 'number' || !items[index]) fail(ctx, 'Sort code did not return the items');
    return items[index];
  });
}
