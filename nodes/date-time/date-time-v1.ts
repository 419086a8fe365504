// Date & Time v1 (legacy): "format" re-formats a date with moment patterns, "calculate" adds or
// subtracts time; both write one field into a copy of the input item.
import { DateTime, type DurationLikeObject } from 'luxon';
import { NodeOperationError, type ExecuteContext, type Item } from '../../engine/index.ts';
import { collection, param } from '../transform-shared/params.ts';
import { deepCopy } from '../transform-shared/values.ts';
import { formatMoment, momentToLuxonFormat } from './moment-format.ts';
import { parseLikeMoment } from './parse-date.ts';

const EXPLICIT_ZONE = /(Z|GMT|UTC|[+-]\d\d(:?\d\d)?)\s*$/i;

/** `new Date(value)` on a UTC host. */
function jsDate(value: unknown): DateTime {
  const date = new Date(value as string);
  if (Number.isNaN(date.getTime())) return DateTime.invalid('unparsable');
  const text = typeof value === 'string' ? value.trim() : '';
  const utcByItself = typeof value !== 'string' || /^\d{4}-\d\d(-\d\d)?$/.test(text) || EXPLICIT_ZONE.test(text);
  if (utcByItself) return DateTime.fromJSDate(date, { zone: 'utc' });
  return DateTime.fromObject(
    { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes(), second: date.getSeconds(), millisecond: date.getMilliseconds() },
    { zone: 'utc' },
  );
}

function parseWithFormat(text: string, format: string, zone: string): DateTime {
  return DateTime.fromFormat(text, momentToLuxonFormat(format), { zone, setZone: EXPLICIT_ZONE.test(text) });
}

function formatValue(ctx: ExecuteContext, i: number, zone: string): string | undefined {
  let value = param<unknown>(ctx, 'value', i, '');
  // moment formats an empty pattern as ISO 8601 with offset.
  const toFormat = param(ctx, 'toFormat', i, param(ctx, 'custom', i, false) ? '' : 'MM/DD/YYYY') || 'YYYY-MM-DDTHH:mm:ssZ';
  const options = collection(ctx, 'options', i);
  const fromFormat = options.fromFormat as string | undefined;
  const fromTimezone = options.fromTimezone as string | undefined;
  const toTimezone = options.toTimezone as string | undefined;
  if (DateTime.isDateTime(value)) value = value.toISO();
  if (!Number.isNaN(Number(value))) {
    value = Number(value);
    if (!Number.isInteger(value)) value = (value as number) * 1000;
  }
  if (value === undefined) return undefined;
  const isNumber = typeof value === 'number';
  if (fromFormat === undefined && (isNumber ? !Number.isFinite(value) : !parseLikeMoment(String(value)).isValid)) {
    throw new NodeOperationError(ctx.node.name, 'The date input format could not be recognized. Please set the "From Format" field', { itemIndex: i });
  }
  let date: DateTime;
  if (Number.isInteger(value)) {
    const n = value as number;
    date = n.toString().length < 12 ? DateTime.fromSeconds(n, { zone: 'utc' }) : DateTime.fromMillis(n, { zone: 'utc' });
  } else {
    const text = String(value);
    const sourceZone = fromTimezone || toTimezone ? fromTimezone || zone : 'utc';
    if (fromFormat) date = parseWithFormat(text, fromFormat, sourceZone);
    else {
      date = parseLikeMoment(text);
      // An explicit offset fixes the instant; otherwise the text is wall-clock time in the source zone.
      date = date.setZone(sourceZone, { keepLocalTime: !EXPLICIT_ZONE.test(text.trim()) });
    }
  }
  if (fromTimezone || toTimezone) date = date.setZone(toTimezone || zone);
  return date.isValid ? formatMoment(date, toFormat) : 'Invalid date';
}

function calculateValue(ctx: ExecuteContext, i: number): string {
  const value = param<unknown>(ctx, 'value', i, '');
  const { fromFormat } = collection(ctx, 'options', i) as { fromFormat?: string };
  const date = fromFormat ? parseWithFormat(String(value), fromFormat, 'utc') : jsDate(value);
  if (!date.isValid) {
    const message = fromFormat
      ? 'Date input cannot be parsed. Please recheck the value and the "From Format" field.'
      : 'Unrecognized date input. Please specify a format in the "From Format" field.';
    throw new NodeOperationError(ctx.node.name, message);
  }
  const change = { [param(ctx, 'timeUnit', i, 'days')]: param(ctx, 'duration', i, 0) } as DurationLikeObject;
  const result = param(ctx, 'operation', i, 'add') === 'add' ? date.plus(change) : date.minus(change);
  return result.toUTC().toISO()!;
}

export function executeDateTimeV1(ctx: ExecuteContext): Item[] {
  const items = ctx.getInputData();
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const action = param(ctx, 'action', 0, 'format');
      const property = param(ctx, 'dataPropertyName', i, 'data');
      let value: string | undefined;
      if (action === 'format') {
        value = formatValue(ctx, i, ctx.timezone);
        if (value === undefined) continue;
      } else if (action === 'calculate') {
        value = calculateValue(ctx, i);
      } else continue;
      const json = property.includes('.') ? deepCopy(items[i].json) : { ...items[i].json };
      json[property] = value;
      output.push({ json, pairedItem: { item: i }, ...(items[i].binary ? { binary: items[i].binary } : {}) });
    } catch (error) {
      if (!ctx.continueOnFail()) throw error;
      output.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
    }
  }
  return output;
}
