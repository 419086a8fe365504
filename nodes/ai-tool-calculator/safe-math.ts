// A mathjs instance for expressions written by a model: arithmetic, units and functions, but none
// of the functions that define functions, import code or reach outside (mathjs's security advice).
import { all, create } from 'mathjs';

const math = create(all);
const evaluate = math.evaluate.bind(math);
const blocked = (name: string) => () => {
  throw new Error(`Function ${name} is disabled`);
};
math.import(
  Object.fromEntries(['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'compile', 'resolve', 'reviver', 'replacer'].map((name) => [name, blocked(name)])),
  { override: true },
);

/** The expression's value as text, as LangChain's Calculator answers. */
export function calculate(expression: string): string {
  let value: unknown = evaluate(expression);
  // Several statements give a ResultSet: the last one is the answer.
  if (value && typeof value === 'object' && Array.isArray((value as { entries?: unknown }).entries)) value = (value as { entries: unknown[] }).entries.at(-1);
  if (typeof value === 'function' || value === undefined) throw new Error('The expression does not give a value');
  return math.format(value as never, { precision: 14 });
}
