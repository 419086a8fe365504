// Parameter definitions shared by the nodes that pair items of two inputs by field values:
// Merge v2 / v3 and Compare Datasets.
import type { NodeProperty } from '../../engine/index.ts';
import { option } from './properties.ts';

export const disableDotNotationOption: NodeProperty = {
  displayName: 'Disable Dot Notation',
  name: 'disableDotNotation',
  type: 'boolean',
  default: false,
  description: 'Whether to disallow referencing child fields using `parent.child` in the field name',
};

export const FUZZY_COMPARE_DESCRIPTION =
  "Whether to tolerate small type differences when comparing fields. E.g. the number 3 and the string '3' are treated as the same.";

export const fuzzyCompareProperty: NodeProperty = {
  displayName: 'Fuzzy Compare',
  name: 'fuzzyCompare',
  type: 'boolean',
  default: false,
  description: FUZZY_COMPARE_DESCRIPTION,
};

/** The `mergeByFields` pairs of field names; `input1` / `input2` name the inputs in labels. */
export function fieldsToMatchProperty(input1: string, input2: string, extra: Partial<NodeProperty> = {}): NodeProperty {
  return {
    displayName: 'Fields to Match',
    name: 'mergeByFields',
    type: 'fixedCollection',
    placeholder: 'Add Fields to Match',
    default: { values: [{ field1: '', field2: '' }] },
    typeOptions: { multipleValues: true },
    ...extra,
    options: [
      {
        displayName: 'Values',
        name: 'values',
        values: [
          { displayName: `${input1} Field`, name: 'field1', type: 'string', default: '', placeholder: 'e.g. id' },
          { displayName: `${input2} Field`, name: 'field2', type: 'string', default: '', placeholder: 'e.g. id' },
        ],
      },
    ],
  };
}

/** The choices of Merge's "Output Type" (`joinMode`). */
export const JOIN_MODE_OPTIONS = [
  option('Keep Matches', 'keepMatches', 'Items that match, merged together (inner join)'),
  option('Keep Non-Matches', 'keepNonMatches', "Items that don't match"),
  option('Keep Everything', 'keepEverything', "Items that match merged together, plus items that don't match (outer join)"),
  option('Enrich Input 1', 'enrichInput1', 'All of input 1, with data from input 2 added in (left join)'),
  option('Enrich Input 2', 'enrichInput2', 'All of input 2, with data from input 1 added in (right join)'),
];

export const ALL_MATCHES_OPTION = option('Include All Matches', 'all', 'Output multiple items if there are multiple matches');
export const FIRST_MATCH_OPTION = option('Include First Match Only', 'first', 'Only ever output a single item per match');

/** Merge's "Multiple Matches" option, shown under `show`. */
export function multipleMatchesProperty(show: Record<string, unknown[]>): NodeProperty {
  return {
    displayName: 'Multiple Matches',
    name: 'multipleMatches',
    type: 'options',
    default: 'all',
    options: [ALL_MATCHES_OPTION, FIRST_MATCH_OPTION],
    displayOptions: { show },
  };
}

/** Merge's "Output Data From" for `joinMode`; `bothLabel` names the "both" choice. */
export function outputDataFromProperty(bothLabel: string, show: Record<string, unknown[]>): NodeProperty {
  return {
    displayName: 'Output Data From',
    name: 'outputDataFrom',
    type: 'options',
    options: [option(bothLabel, 'both'), option('Input 1', 'input1'), option('Input 2', 'input2')],
    default: 'both',
    displayOptions: { show },
  };
}
