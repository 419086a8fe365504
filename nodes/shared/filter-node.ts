// What IF v2, Filter v2 and Switch v3 share around the filter evaluator: the conditions
// property, the type-validation option that moved between versions, and error reporting.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeProperty } from '../../engine/index.ts';
import { executeFilter, FilterError, isFilterValue, type FilterOptions } from './filter-conditions.ts';
import { param } from './params.ts';

export const ENABLE_LESS_STRICT_TYPE_VALIDATION =
  "Try changing the type of comparison. Alternatively you can enable 'Convert types where required'.";

const looseTypeValidationBase = {
  displayName: 'Convert types where required',
  name: 'looseTypeValidation',
  type: 'boolean' as const,
  description:
    'If the type of an expression doesn\'t match the type of the comparison, n8n will try to cast the expression to the required type. E.g. for booleans <code>"false"</code> or <code>0</code> will be cast to <code>false</code>',
};

/** Top-level `looseTypeValidation` from `since`, an entry of `options` before it. */
export function looseTypeValidationProperties(since: number): { topLevel: NodeProperty; option: NodeProperty } {
  return {
    topLevel: { ...looseTypeValidationBase, default: false, displayOptions: { show: { '@version': [{ _cnd: { gte: since } }] } } },
    option: { ...looseTypeValidationBase, default: false, displayOptions: { show: { '@version': [{ _cnd: { lt: since } }] } } },
  };
}

export const ignoreCaseOption: NodeProperty = {
  displayName: 'Ignore Case',
  name: 'ignoreCase',
  type: 'boolean',
  default: true,
  description: 'Whether to ignore letter case when evaluating conditions',
};

/** The `filter` property; typeOptions tell the editor how to derive the stored options. */
export function conditionsProperty(looseSince: number, versionExpression: string, extra: Partial<NodeProperty> = {}): NodeProperty {
  return {
    displayName: 'Conditions',
    name: 'conditions',
    placeholder: 'Add Condition',
    type: 'filter',
    default: {},
    typeOptions: {
      filter: {
        caseSensitive: '={{!$parameter.options.ignoreCase}}',
        typeValidation: `={{ ($nodeVersion < ${looseSince} ? $parameter.options.looseTypeValidation :  $parameter.looseTypeValidation) ? "loose" : "strict" }}`,
        version: versionExpression,
      },
    },
    ...extra,
  };
}

/** Whether the node converts types: the option moved from `options` to top level at `since`. */
export function isLooseTypeValidation(ctx: ExecuteContext, itemIndex: number, options: JsonObject, since: number): boolean {
  if (ctx.node.typeVersion < since) return options.looseTypeValidation === true;
  return param<boolean>(ctx, 'looseTypeValidation', itemIndex, false) === true;
}

/** The options the editor would have stored, for a filter value saved without any. */
export function derivedFilterOptions(loose: boolean, options: JsonObject, version: number): FilterOptions {
  return { caseSensitive: !options.ignoreCase, typeValidation: loose ? 'loose' : 'strict', version };
}

/**
 * Evaluates a resolved filter value for one item, reporting type errors as n8n does: the
 * condition's own hint, or the "convert types" hint when validation was strict.
 */
export function evaluateFilter(
  ctx: ExecuteContext,
  value: unknown,
  itemIndex: number,
  fallbackOptions: FilterOptions,
  loose: boolean,
): boolean {
  const filter = isFilterValue(value) && !value.options ? { ...value, options: fallbackOptions } : value;
  try {
    return executeFilter(filter, { itemIndex, zone: ctx.timezone });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const description = error instanceof FilterError ? error.description : loose ? undefined : ENABLE_LESS_STRICT_TYPE_VALIDATION;
    throw new NodeOperationError(ctx.node.name, message, { description, itemIndex });
  }
}
