// Set v1/v2 (n8n-nodes-base.set): boolean, number and string values written by (dot) path,
// optionally keeping only the set values. v2 turns numeric strings into numbers.
import type { ExecuteContext, Item, JsonObject, NodeProperty, NodeType } from '../../engine/index.ts';
import { deepCopy } from '../shared/objects.ts';
import { collection, param } from '../shared/params.ts';
import { setPath } from '../shared/paths.ts';
import { optionsCollection } from '../shared/properties.ts';

const nameProperty: NodeProperty = {
  displayName: 'Name',
  name: 'name',
  type: 'string',
  default: 'propertyName',
  description: 'Name of the property to write data to. Supports dot-notation. Example: "data.person[0].name"',
};

const valueGroup = (name: string, displayName: string, type: NodeProperty['type'], def: unknown) => ({
  name,
  displayName,
  values: [nameProperty, { displayName: 'Value', name: 'value', type, default: def, description: `The ${name} value to write in the property` }],
});

const VALUE_DEFAULTS: Record<string, unknown> = { boolean: false, number: 0, string: '' };

export const setV1Node: NodeType = {
  outsideEffects: false,
  description: {
    name: 'n8n-nodes-base.set',
    displayName: 'Set',
    group: ['input'],
    version: [1, 2],
    description: 'Sets values on items and optionally remove other values',
    icon: 'fa:pen',
    defaults: { name: 'Set', color: '#0000FF' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [
      { displayName: 'Keep Only Set', name: 'keepOnlySet', type: 'boolean', default: false, description: 'Whether only the values set on this node should be kept and all others removed' },
      {
        displayName: 'Values to Set',
        name: 'values',
        placeholder: 'Add Value',
        type: 'fixedCollection',
        typeOptions: { multipleValues: true, sortable: true },
        description: 'The value to set',
        default: {},
        options: [valueGroup('boolean', 'Boolean', 'boolean', false), valueGroup('number', 'Number', 'number', 0), valueGroup('string', 'String', 'string', '')],
      },
      optionsCollection([
        {
          displayName: 'Dot Notation',
          name: 'dotNotation',
          type: 'boolean',
          default: true,
          description: 'By default, dot-notation is used in property names. This means that "a.b" will set the property "b" underneath "a" so { "a": { "b": value} }. If that is not intended this can be deactivated, it will then set { "a.b": value } instead.',
        },
      ]),
    ],
  },
  async execute(ctx: ExecuteContext) {
    const items = ctx.getInputData();
    const source: Item[] = items.length ? items : [{ json: {}, pairedItem: { item: 0 } }];
    const version = ctx.node.typeVersion;
    return [
      source.map((item, itemIndex) => {
        const keepOnlySet = param(ctx, 'keepOnlySet', itemIndex, false) === true;
        const options = collection(ctx, 'options', itemIndex);
        const newItem: Item = { json: {}, pairedItem: { item: itemIndex } };
        if (!keepOnlySet) {
          if (item.binary !== undefined) newItem.binary = { ...item.binary };
          newItem.json = deepCopy(item.json);
        }
        const values = param<JsonObject>(ctx, 'values', itemIndex, {}) ?? {};
        const write = (name: string, value: unknown) => {
          if (options.dotNotation === false) newItem.json[name] = value;
          else setPath(newItem.json, name, value);
        };
        for (const type of ['boolean', 'number', 'string']) {
          const entries = Array.isArray(values[type]) ? (values[type] as JsonObject[]) : [];
          for (const entry of entries) {
            const name = String(entry.name ?? 'propertyName');
            let value = 'value' in entry ? entry.value : VALUE_DEFAULTS[type];
            if (type === 'boolean') value = !!value;
            if (type === 'number' && version >= 2 && typeof value === 'string' && !Number.isNaN(Number(value))) value = Number(value);
            write(name, value);
          }
        }
        return newItem;
      }),
    ];
  },
};
