// Date & Time v2: each operation writes one field, into a fresh item unless input fields are kept.
import { DateTime, type DateTimeUnit, type DurationLikeObject } from 'luxon';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { collection, param } from '../transform-shared/params.ts';
import { InvalidDateError, parseDate } from './parse-date.ts';

const OUTPUT_FIELD: Record<string, string> = {
  getCurrentDate: 'currentDate', addToDate: 'newDate', subtractFromDate: 'newDate', formatDate: 'formattedDate',
  roundDate: 'roundedDate', getTimeBetweenDates: 'timeDifference', extractDate: 'datePart',
};

function operate(ctx: ExecuteContext, operation: string, i: number, zone: string): unknown {
  const options = collection(ctx, 'options', i);
  switch (operation) {
    case 'getCurrentDate': {
      const target = (options.timezone as string) || zone;
      if (DateTime.now().setZone(target).invalidReason === 'unsupported zone') {
        throw new NodeOperationError(ctx.node.name, `The timezone ${target} is not valid. Please check the timezone.`);
      }
      const now = DateTime.now().setZone(target);
      return (param(ctx, 'includeTime', i, true) ? now : now.startOf('day')).toString();
    }
    case 'addToDate':
    case 'subtractFromDate': {
      const date = parseDate(param<unknown>(ctx, 'magnitude', i, ''), { timezone: zone });
      const change = { [param(ctx, 'timeUnit', i, 'days')]: param(ctx, 'duration', i, 0) } as DurationLikeObject;
      return (operation === 'addToDate' ? date.plus(change) : date.minus(change)).toString();
    }
    case 'formatDate': {
      const value = param<unknown>(ctx, 'date', i, '');
      if (value === null || value === undefined) return value;
      const fromFormat = options.fromFormat as string | undefined;
      const date = parseDate(value, { timezone: options.timezone ? zone : undefined, fromFormat });
      const format = param(ctx, 'format', i, 'MM/dd/yyyy');
      return date.toFormat(format === 'custom' ? param(ctx, 'customFormat', i, '') : format);
    }
    case 'roundDate': {
      const date = parseDate(param<unknown>(ctx, 'date', i, ''), { timezone: zone });
      if (param(ctx, 'mode', i, 'roundDown') === 'roundDown') {
        return date.startOf(param(ctx, 'toNearest', i, 'month') as DateTimeUnit).toString();
      }
      const to = param(ctx, 'to', i, 'month') as DateTimeUnit;
      return date.plus({ [to]: 1 }).startOf(to).toString();
    }
    case 'getTimeBetweenDates': {
      const start = parseDate(param<unknown>(ctx, 'startDate', i, ''), { timezone: zone });
      const end = parseDate(param<unknown>(ctx, 'endDate', i, ''), { timezone: zone });
      const units = param<unknown>(ctx, 'units', i, ['day']) as DateTimeUnit[];
      const duration = end.diff(start, units);
      return options.isoString ? duration.toString() : duration.toObject();
    }
    case 'extractDate': {
      const date = parseDate(param<unknown>(ctx, 'date', i, ''), { timezone: zone });
      const part = param(ctx, 'part', i, 'month');
      return part === 'week' ? date.weekNumber : date.get(part as keyof DateTime);
    }
    default:
      return undefined;
  }
}

export function executeDateTimeV2(ctx: ExecuteContext): Item[] {
  const items = ctx.getInputData();
  const operation = param(ctx, 'operation', 0, 'getCurrentDate');
  const zone = ctx.timezone;
  const includeInputFields = collection(ctx, 'options', 0).includeInputFields === true;
  const output: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const item: Item = includeInputFields ? { json: { ...items[i].json }, binary: items[i].binary } : { json: {} };
      if (item.binary === undefined) delete item.binary;
      item.pairedItem = { item: i };
      const field = param(ctx, 'outputFieldName', i, OUTPUT_FIELD[operation] ?? 'data');
      const value = operate(ctx, operation, i, zone);
      if (OUTPUT_FIELD[operation] === undefined) continue;
      (item.json as JsonObject)[field] = value;
      output.push(item);
    } catch (error) {
      if (ctx.continueOnFail()) {
        output.push({ json: { error: (error as Error).message } });
        continue;
      }
      const message = error instanceof InvalidDateError ? error.message : (error as Error).message;
      throw new NodeOperationError(ctx.node.name, message, { itemIndex: i });
    }
  }
  return output;
}
