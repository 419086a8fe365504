// Item Lists v1's split out: one list field only, which must exist and be an array.
import type { ExecuteContext, Item, JsonObject } from '../../engine/index.ts';
import { collection, fail, fixedCollectionEntries, param } from '../transform-shared/params.ts';
import { getPath, unsetPath } from '../transform-shared/path.ts';

export function splitOutItemsV1(ctx: ExecuteContext, items: Item[]): Item[] {
  const output: Item[] = [];
  const disableDotNotation = collection(ctx, 'options', 0).disableDotNotation === true;
  const read = (json: JsonObject, field: string) => (disableDotNotation ? json[field] : getPath(json, field));
  items.forEach((item, i) => {
    const field = String(param(ctx, 'fieldToSplitOut', i, ''));
    const destination = String(collection(ctx, 'options', i).destinationFieldName ?? '');
    const include = param(ctx, 'include', i, 'noOtherFields');
    const list = read(item.json, field);
    if (list === undefined) {
      fail(ctx, `Couldn't find the field '${field}' in the input data`, field.includes('.') && disableDotNotation
        ? { description: "If you're trying to use a nested field, make sure you turn off 'disable dot notation' in the node options" }
        : { itemIndex: i });
    }
    if (!Array.isArray(list)) fail(ctx, `The provided field '${field}' is not an array`, { itemIndex: i });
    for (const element of list) {
      let json: JsonObject = {};
      if (include === 'selectedOtherFields') {
        const fields = fixedCollectionEntries(ctx, 'fieldsToInclude', 'fields', i, { fieldName: '' }).map((entry) => String(entry.fieldName));
        if (!fields.length) fail(ctx, 'No fields specified', { description: 'Please add a field to include' });
        for (const name of fields) if (name !== field) json[name] = read(item.json, name);
      } else if (include === 'allOtherFields') {
        for (const key of Object.keys(item.json)) json[key] = read(item.json, key);
        unsetPath(json, field);
      }
      if (typeof element === 'object' && include === 'noOtherFields' && destination === '') json = { ...json, ...(element as JsonObject) };
      else json = { ...json, [destination || field]: element };
      output.push({ json, pairedItem: { item: i } });
    }
  });
  return output;
}
