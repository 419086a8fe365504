// What IF v2, Filter v2 and Switch v3 share around the filter evaluator: the conditions
// property, the type-validation option that moved between versions, and error reporting.
import { NodeOperationError, type ExecuteContext, type JsonObject, type NodeProperty } from '../../engine/index.ts';
import { executeFilter, FilterError, isFilterValue, type FilterOptions } from './filter-conditions.ts';
import { collection, param } from './params.ts';
import { optionsCollection } from './properties.ts';

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

/** IF v2 and Filter v2 (2–2.3): the conditions, top-level type validation, and options. */
export function conditionsNodeV2Properties(): NodeProperty[] {
  const loose = looseTypeValidationProperties(2.1);
  return [
    conditionsProperty(2.1, '={{ $nodeVersion >= 2.3 ? 3 : $nodeVersion >= 2.2 ? 2 : 1 }}'),
    loose.topLevel,
    optionsCollection([ignoreCaseOption, loose.option]),
  ];
}

/** The filter engine version the editor stores for IF v2 / Filter v2 node versions. */
export function conditionsNodeV2FilterVersion(typeVersion: number): number {
  if (typeVersion >= 2.3) return 3;
  return typeVersion >= 2.2 ? 2 : 1;
}

/** Whether one item passes the `conditions` of an IF v2 / Filter v2 node. */
export function passesConditionsV2(ctx: ExecuteContext, itemIndex: number): boolean {
  const options = collection(ctx, 'options', itemIndex);
  const isLoose = isLooseTypeValidation(ctx, itemIndex, options, 2.1);
  const conditions = param<unknown>(ctx, 'conditions', itemIndex, {});
  const fallback = derivedFilterOptions(isLoose, options, conditionsNodeV2FilterVersion(ctx.node.typeVersion));
  return evaluateFilter(ctx, conditions, itemIndex, fallback, isLoose);
}
