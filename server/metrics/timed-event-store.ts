// Times this process's event-store appends (the write path of every command and run step).
import type { EventStore } from '../../events/index.ts';
import type { Metrics } from './metrics.ts';

export function timeAppends(events: EventStore, metrics: Pick<Metrics, 'appendDuration'>): EventStore {
  const append: EventStore['append'] = async (stream, batch, options) => {
    const end = metrics.appendDuration.startTimer();
    try {
      return await events.append(stream, batch, options);
    } finally {
      end();
    }
  };
  return { ...events, append };
}
