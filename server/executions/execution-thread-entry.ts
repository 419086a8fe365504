// The execution thread: a runtime in the 'thread' role (it runs jobs, reads the read models the
// server keeps, and writes runs to the shared event store) fed by the server's queue over the port.
import { parentPort, workerData } from 'node:worker_threads';
import { createThreadQueueClient } from '../../engine/index.ts';
import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { startRuntime } from '../runtime.ts';
import type { ThreadLifecycle } from './execution-thread.ts';

const port = parentPort!;
const { config } = workerData as { config: Config };
const logger = createLogger(config).child({ part: 'execution-thread' });
const post = (message: ThreadLifecycle) => port.postMessage(message);

// The server says go once its read models exist; the modules load meanwhile.
let go: () => void;
const started = new Promise<void>((resolve) => (go = resolve));
const queue = createThreadQueueClient(port);
const starting = started.then(() => startRuntime(config, logger, { role: 'thread', queue }));
// Listening before the runtime is up: a server may shut down while its thread still starts.
port.on('message', (message: ThreadLifecycle) => {
  if (message.t === 'go') go();
  if (message.t !== 'shutdown') return;
  go();
  starting
    .then((runtime) => runtime.close({ runWindowMs: message.runWindowMs }))
    .catch((err: unknown) => logger.error({ err }, 'the execution thread did not close cleanly'))
    .finally(() => post({ t: 'closed' }));
});
starting.then(
  () => post({ t: 'ready' }),
  (err: unknown) => post({ t: 'failed', message: err instanceof Error ? err.message : String(err) }),
);
