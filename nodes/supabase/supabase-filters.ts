// PostgREST filters as n8n's Supabase node builds them from its conditions: `column=op.value`
// query parameters, `or=(column.op.value,…)` for "any", and full-text search through the chosen
// search function (fts, plfts, phfts, wfts) in place of the operator.
export interface SupabaseCondition { keyName?: unknown; condition?: unknown; searchFunction?: unknown; keyValue?: unknown }

const operatorOf = (c: SupabaseCondition) => String(c.condition === 'fullText' ? c.searchFunction : c.condition);

/** `column=op.value` pairs, one per condition (later ones on the same column win, as in n8n). */
export function allConditionsQuery(conditions: SupabaseCondition[]): Array<[string, string]> {
  const byColumn = new Map<string, string>();
  for (const c of conditions) byColumn.set(String(c.keyName ?? ''), `${operatorOf(c)}.${String(c.keyValue ?? '')}`);
  return [...byColumn];
}

/** The `(column.op.value,…)` list PostgREST's `or` and `and` take. */
export function conditionList(conditions: SupabaseCondition[]): string {
  return `(${conditions.map((c) => `${String(c.keyName ?? '')}.${operatorOf(c)}.${String(c.keyValue ?? '')}`).join(',')})`;
}

/** row:get's conditions: each column equal to its value. */
export function equalsQuery(conditions: SupabaseCondition[]): Array<[string, string]> {
  const byColumn = new Map<string, string>();
  for (const c of conditions) byColumn.set(String(c.keyName ?? ''), `eq.${String(c.keyValue ?? '')}`);
  return [...byColumn];
}
