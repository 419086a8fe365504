// Date-time parameters and the browser's `datetime-local` input: n8n stores them as ISO text
// (often without a zone, meaning the workflow's time zone), the input wants `YYYY-MM-DDTHH:mm:ss`.

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The input's text for a stored value: zone-less text as it is, other dates in the browser's time. */
export function toDateInput(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  if (typeof value === 'string' && LOCAL.test(value)) return value.length === 16 ? `${value}:00` : value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || value === '') return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The stored value for the input's text: the text, with seconds; nothing when cleared. */
export function fromDateInput(text: string): string | undefined {
  if (!text) return undefined;
  return text.length === 16 ? `${text}:00` : text;
}
