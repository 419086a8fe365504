// How the Insights screen writes its figures: run times, time saved, rates and series labels.

/** 850 ms, 1.2 s, 3.5 min; an em dash without runs. */
export function formatRunTime(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** 45 min, 3 h 20 min, 2 d 4 h. */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  if (whole < 24 * 60) return `${Math.floor(whole / 60)} h${whole % 60 ? ` ${whole % 60} min` : ''}`;
  const hours = Math.round(whole / 60);
  return `${Math.floor(hours / 24)} d${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

/** A rate of 0–1 as a percentage with at most one decimal: 25 %, 33.3 %. */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10} %`;
}

/** A series point's label: the hour for a day's series, the day (and hour when not midnight) otherwise. */
export function seriesLabel(start: string, period: string): string {
  const at = new Date(start);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (period === '24h') return time;
  const day = at.toLocaleDateString([], { month: 'short', day: 'numeric' });
  return period === '30d' ? day : `${day} ${time}`;
}
