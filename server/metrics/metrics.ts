// The Prometheus metrics of one process (prom-client): one registry per runtime, every metric it
// exports, and the gauges that read their value when scraped (nothing is polled in between).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Where the gauges read their values at scrape time. */
export interface GaugeSources {
  /** Jobs waiting or delayed in the run queue (BullMQ's counts, or the embedded queue's). */
  queuePending(): Promise<number>;
  /** Jobs this process runs on its execution thread (embedded), when it has one. */
  queueRunning?(): number;
  /** Each projection's name and checkpoint (the position of the last event it applied). */
  projections(): { name: string; checkpoint: number }[];
  headPosition(): Promise<number>;
  collab(): { rooms: number; peers: number };
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const RUN_SECONDS = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800];

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  runs: Counter<'status' | 'mode'>;
  runDuration: Histogram<'status' | 'mode'>;
  stepDuration: Histogram<'status'>;
  queueWait: Histogram<'mode'>;
  appendDuration: Histogram;
  /** The live feed's open sockets; the HTTP server sets it once Socket.IO is attached. */
  setLiveSockets(count: () => number): void;
}

export function createMetrics(sources: GaugeSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let liveSockets: () => number = () => 0;

  new Gauge({
    name: 'weft_queue_jobs', help: 'Run jobs in the queue by state (waiting: queued or delayed; running: on this server\'s execution thread)',
    labelNames: ['state'], registers,
    async collect() {
      this.set({ state: 'waiting' }, await sources.queuePending());
      if (sources.queueRunning) this.set({ state: 'running' }, sources.queueRunning());
    },
  });
  new Gauge({
    name: 'weft_projection_lag_events', help: "Events between the log's head and each projection's checkpoint",
    labelNames: ['projection'], registers,
    async collect() {
      const head = await sources.headPosition();
      for (const p of sources.projections()) this.set({ projection: p.name }, Math.max(0, head - p.checkpoint));
    },
  });
  new Gauge({
    name: 'weft_event_log_head_position', help: "The event log's head position", registers,
    async collect() { this.set(await sources.headPosition()); },
  });
  new Gauge({
    name: 'weft_collab_rooms', help: 'Open collaboration rooms (workflows being edited) on this server', registers,
    collect() { this.set(sources.collab().rooms); },
  });
  new Gauge({
    name: 'weft_collab_sockets', help: 'Collaboration sockets (editors) connected to this server', registers,
    collect() { this.set(sources.collab().peers); },
  });
  new Gauge({
    name: 'weft_live_sockets', help: 'Live-feed (Socket.IO) sockets connected to this server', registers,
    collect() { this.set(liveSockets()); },
  });

  return {
    registry,
    httpRequests: new Counter({ name: 'weft_http_requests_total', help: 'HTTP requests by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers }),
    httpDuration: new Histogram({ name: 'weft_http_request_duration_seconds', help: 'HTTP request duration by method, route pattern and status', labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers }),
    runs: new Counter({ name: 'weft_runs_total', help: 'Runs that ended, by status and mode (from the event log: every worker\'s runs)', labelNames: ['status', 'mode'], registers }),
    runDuration: new Histogram({ name: 'weft_run_duration_seconds', help: 'From a run\'s start to its end, by status and mode', labelNames: ['status', 'mode'], buckets: RUN_SECONDS, registers }),
    stepDuration: new Histogram({ name: 'weft_step_duration_seconds', help: 'Node step duration, by outcome', labelNames: ['status'], buckets: SECONDS, registers }),
    queueWait: new Histogram({ name: 'weft_queue_wait_seconds', help: 'From a run being queued to its start, by mode', labelNames: ['mode'], buckets: RUN_SECONDS, registers }),
    appendDuration: new Histogram({ name: 'weft_event_store_append_duration_seconds', help: "This process's event-store appends", buckets: SECONDS, registers }),
    setLiveSockets(count) { liveSockets = count; },
  };
}
