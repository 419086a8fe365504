// Values coming out of the isolate: Luxon DateTimes travel as markers and become host DateTimes.
import { DateTime } from 'luxon';

interface DateTimeMarker {
  __weftDateTime: number | null;
  zone: string;
  locale: string;
}

const isMarker = (v: object): v is DateTimeMarker => '__weftDateTime' in v;

function revive(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if (isMarker(v)) {
    if (v.__weftDateTime === null) return DateTime.invalid('invalid DateTime from expression');
    return DateTime.fromMillis(v.__weftDateTime, { zone: v.zone, locale: v.locale });
  }
  if (Array.isArray(v)) return v.map(revive);
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) out[k] = revive(val);
  return out;
}

/** The isolate wraps results holding DateTimes in `{__weftWrapped}`; everything else is as is. */
export function fromIsolate(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '__weftWrapped' in value) {
    return revive((value as { __weftWrapped: unknown }).__weftWrapped);
  }
  return value;
}
