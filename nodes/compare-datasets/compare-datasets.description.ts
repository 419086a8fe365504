// Parameters of Compare Datasets v1 – v2.3 (defaults differ by version through `@version`).
import type { NodeProperty } from '../../engine/index.ts';
import {
  ALL_MATCHES_OPTION,
  disableDotNotationOption,
  fieldsToMatchProperty,
  FIRST_MATCH_OPTION,
  fuzzyCompareProperty,
} from '../shared/match-properties.ts';
import { optionsCollection } from '../shared/properties.ts';

const RESOLVE_OPTIONS = [
  { name: 'Use Input A Version', value: 'preferInput1' },
  { name: 'Use Input B Version', value: 'preferInput2' },
  { name: 'Use a Mix of Versions', value: 'mix', description: 'Output uses different inputs for different fields' },
  { name: 'Include Both Versions', value: 'includeBoth', description: 'Output contains all data (but structure more complex)' },
];

export const compareDatasetsProperties: NodeProperty[] = [
  {
    displayName: 'Items from different branches are paired together when the fields below match. If paired, the rest of the fields are compared to determine whether the items are the same or different',
    name: 'infoBox',
    type: 'notice',
    default: '',
  },
  fieldsToMatchProperty('Input A', 'Input B'),
  {
    displayName: 'When There Are Differences', name: 'resolve', type: 'options', default: 'preferInput2', options: RESOLVE_OPTIONS,
    displayOptions: { show: { '@version': [1, 2] } },
  },
  {
    displayName: 'When There Are Differences', name: 'resolve', type: 'options', default: 'includeBoth', options: RESOLVE_OPTIONS,
    displayOptions: { hide: { '@version': [1, 2] } },
  },
  { ...fuzzyCompareProperty, displayOptions: { hide: { '@version': [1] } } },
  {
    displayName: 'Prefer', name: 'preferWhenMix', type: 'options', default: 'input1',
    options: [
      { name: 'Input A Version', value: 'input1' },
      { name: 'Input B Version', value: 'input2' },
    ],
    displayOptions: { show: { resolve: ['mix'] } },
  },
  {
    displayName: 'For Everything Except', name: 'exceptWhenMix', type: 'string', default: '', placeholder: 'e.g. id, country',
    displayOptions: { show: { resolve: ['mix'] } },
  },
  optionsCollection([
    {
      displayName: 'Fields to Skip Comparing', name: 'skipFields', type: 'string', default: '', placeholder: 'e.g. updated_at, updated_by',
      description: "Fields that shouldn't be included when checking whether two items are the same",
    },
    { ...fuzzyCompareProperty, displayOptions: { show: { '@version': [1] } } },
    disableDotNotationOption,
    { displayName: 'Multiple Matches', name: 'multipleMatches', type: 'options', default: 'first', options: [FIRST_MATCH_OPTION, ALL_MATCHES_OPTION] },
  ]),
];
