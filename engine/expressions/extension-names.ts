// Method names that n8n's expression language routes through its extension library. A call
// `x.name(…)` with one of these names is rewritten to `__extend(x, 'name', […])`.
const STRING = [
  'hash', 'removeMarkdown', 'removeTags', 'toDate', 'toDateTime', 'toBoolean', 'toDecimalNumber', 'toNumber',
  'toFloat', 'toInt', 'toWholeNumber', 'toSentenceCase', 'toSnakeCase', 'toTitleCase', 'urlDecode', 'urlEncode',
  'quote', 'replaceSpecialChars', 'length', 'isDomain', 'isEmail', 'isNumeric', 'isUrl', 'isEmpty', 'isNotEmpty',
  'isBlank', 'isNotBlank', 'toJsonString', 'extractEmail', 'extractDomain', 'extractUrl', 'extractUrlPath',
  'parseJson', 'base64Encode', 'base64Decode',
];
const NUMBER = ['ceil', 'floor', 'format', 'round', 'abs', 'isInteger', 'isEven', 'isOdd', 'toBoolean', 'toInt', 'toFloat', 'toDateTime'];
const BOOLEAN = ['toBoolean', 'toInt', 'toFloat', 'toNumber', 'toDateTime'];
const ARRAY = [
  'removeDuplicates', 'unique', 'first', 'last', 'pluck', 'randomItem', 'sum', 'min', 'max', 'average', 'isNotEmpty',
  'isEmpty', 'compact', 'smartJoin', 'chunk', 'renameKeys', 'merge', 'union', 'difference', 'intersection', 'append',
  'toJsonString', 'toInt', 'toFloat', 'toBoolean', 'toDateTime',
];
const OBJECT = [
  'isEmpty', 'isNotEmpty', 'hasField', 'removeField', 'removeFieldsContaining', 'keepFieldsContaining', 'compact',
  'urlEncode', 'keys', 'values', 'toJsonString', 'toInt', 'toFloat', 'toBoolean', 'toDateTime',
];
const DATE = [
  'beginningOf', 'endOfMonth', 'extract', 'isBetween', 'isDst', 'isInLast', 'isWeekend', 'minus', 'plus', 'format',
  'toDateTime', 'diffTo', 'diffToNow', 'toInt', 'toFloat', 'toBoolean', 'isEmpty', 'isNotEmpty',
];

export const EXTENSION_NAMES: ReadonlySet<string> = new Set([...STRING, ...NUMBER, ...BOOLEAN, ...ARRAY, ...OBJECT, ...DATE]);

/** Cheap pre-check (as n8n does): only code that calls an extension name or `$if` is rewritten. */
export const EXTENSION_CALL = new RegExp(`(\\$if|\\.(${[...EXTENSION_NAMES].join('|')})\\s*(\\?\\.)?)\\s*\\(`);
