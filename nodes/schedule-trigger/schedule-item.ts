// The item a Schedule Trigger tick emits: the moment in the workflow's zone, in n8n's fields.
import { DateTime } from 'luxon';
import type { JsonObject } from '../../engine/index.ts';

function ordinal(n: number): string {
  const rem100 = n % 100;
  if (rem100 >= 11 && rem100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export function scheduleTriggerItem(at: Date, timezone: string): JsonObject {
  const t = DateTime.fromJSDate(at, { zone: timezone }).setLocale('en-US');
  const time = t.toFormat('h:mm:ss a').toLowerCase();
  return {
    timestamp: t.toISO(),
    'Readable date': `${t.toFormat('MMMM')} ${ordinal(t.day)} ${t.toFormat('yyyy')}, ${time}`,
    'Readable time': time,
    'Day of week': t.toFormat('cccc'),
    Year: t.toFormat('yyyy'),
    Month: t.toFormat('MMMM'),
    'Day of month': t.toFormat('dd'),
    Hour: t.toFormat('HH'),
    Minute: t.toFormat('mm'),
    Second: t.toFormat('ss'),
    Timezone: `${timezone} (UTC${t.toFormat('ZZ')})`,
  };
}
