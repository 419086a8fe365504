// What the expression editor offers as you type inside `{{ … }}`: the input's fields after `$json.`,
// the workflow's node names in `$('…')`, the root variables after `$`, and common methods after a `.`.
// Pure: the CodeMirror source in ExpressionEditor.svelte hands it the text before the caret.
import { typeOf } from './item-data.ts';

export interface ExpressionOption {
  label: string;
  /** The text put in place of what was typed, when it is not the label. */
  apply?: string;
  detail?: string;
  info?: string;
  type: 'variable' | 'property' | 'method' | 'function';
}

export interface CompletionContextData {
  /** The input items' `json` (a sample is enough). */
  samples: readonly Record<string, unknown>[];
  nodeNames: readonly string[];
}

const ROOTS: ExpressionOption[] = [
  { label: '$json', detail: 'object', info: 'The current input item’s data', type: 'variable' },
  { label: "$('", apply: "$('", detail: 'node', info: 'The output of another node: $(\'Name\').item.json', type: 'function' },
  { label: '$input', detail: 'object', info: 'The input items: $input.all(), $input.first(), $input.item', type: 'variable' },
  { label: '$now', detail: 'DateTime', info: 'The current date and time', type: 'variable' },
  { label: '$today', detail: 'DateTime', info: 'Today at midnight', type: 'variable' },
  { label: '$execution', detail: 'object', info: 'This run: $execution.id, $execution.mode', type: 'variable' },
  { label: '$workflow', detail: 'object', info: 'This workflow: $workflow.id, $workflow.name', type: 'variable' },
  { label: '$itemIndex', detail: 'number', info: 'The index of the current item', type: 'variable' },
];

/** A short list of the extension methods (and plain JavaScript ones) people reach for most. */
export const METHODS: ExpressionOption[] = [
  ['toUpperCase()', 'string', 'The text in capitals'],
  ['toLowerCase()', 'string', 'The text in small letters'],
  ['trim()', 'string', 'The text without surrounding spaces'],
  ['includes()', 'string | array', 'Whether it contains the given value'],
  ['split()', 'string', 'Splits the text into a list at a separator'],
  ['replace()', 'string', 'Replaces the first match of a pattern'],
  ['isEmpty()', 'any', 'Whether it is empty (no text, no items, no fields)'],
  ['isNotEmpty()', 'any', 'Whether it has text, items or fields'],
  ['toDateTime()', 'string | number', 'Parses it as a date and time (Luxon DateTime)'],
  ['toNumber()', 'string', 'Parses the text as a number'],
  ['extractEmail()', 'string', 'The first email address in the text'],
  ['toTitleCase()', 'string', 'Capitalises each word'],
  ['round()', 'number', 'Rounds to the given number of decimals'],
  ['format()', 'number | DateTime', 'Formats the number or date'],
  ['first()', 'array', 'The first element'],
  ['last()', 'array', 'The last element'],
  ['join()', 'array', 'The elements joined into one text'],
  ['sum()', 'array', 'The sum of the numbers'],
  ['removeDuplicates()', 'array', 'The elements without repeats'],
  ['plus()', 'DateTime', 'The date plus a duration, e.g. plus(1, "days")'],
  ['minus()', 'DateTime', 'The date minus a duration'],
  ['toFormat()', 'DateTime', 'The date as text, e.g. toFormat("yyyy-MM-dd")'],
].map(([label, detail, info]) => ({ label, detail, info, type: 'method' as const }));

/** Whether the caret is inside `{{ … }}`. */
function inExpression(before: string): boolean {
  return before.lastIndexOf('{{') > before.lastIndexOf('}}');
}

/** The field names of the samples at a path (merged over the samples), with their types. */
export function fieldsAt(samples: readonly unknown[], path: readonly string[]): { name: string; type: string }[] {
  const found = new Map<string, string>();
  for (const sample of samples) {
    let value: unknown = sample;
    for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const [name, v] of Object.entries(value)) if (!found.has(name) || found.get(name) === 'null') found.set(name, typeOf(v));
  }
  return [...found].map(([name, type]) => ({ name, type }));
}

/** The completions at the end of `before` (the text up to the caret), from where they replace it. */
export function completeExpression(before: string, data: CompletionContextData): { from: number; options: ExpressionOption[] } | null {
  if (!inExpression(before)) return null;
  const end = before.length;

  const json = /\$json((?:\.[A-Za-z_$][\w$]*)*)\.([\w$]*)$/.exec(before);
  if (json) {
    const path = json[1].split('.').filter(Boolean);
    const options = fieldsAt(data.samples, path).map(({ name, type }): ExpressionOption => ({
      label: name,
      // A key that is no identifier cannot follow a dot; it is offered all the same, as n8n does.
      detail: type,
      type: 'property',
    }));
    // Past the object fields (`$json.name.`) come the methods of the value.
    return { from: end - json[2].length, options: options.length || path.length === 0 ? options : METHODS };
  }

  const node = /\$\((['"])([^'"]*)$/.exec(before);
  if (node) {
    const quote = node[1];
    const options = data.nodeNames.map((name): ExpressionOption => ({ label: name, apply: `${name}${quote})`, detail: 'node', type: 'function' }));
    return { from: end - node[2].length, options };
  }

  const root = /\$[\w$]*$/.exec(before);
  if (root) return { from: end - root[0].length, options: ROOTS };

  const method = /[\w$\])'"]\.([\w$]*)$/.exec(before);
  if (method) return { from: end - method[1].length, options: METHODS };

  return null;
}
