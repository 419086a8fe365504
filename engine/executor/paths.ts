// Whether a value holds an expression.

/** Whether a value holds an expression (a string starting with '=') anywhere inside. */
export function containsExpression(value: unknown): boolean {
  if (typeof value === 'string') return value.charAt(0) === '=';
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsExpression);
  for (const v of Object.values(value)) if (containsExpression(v)) return true;
  return false;
}
