// Starts the server: configuration, runtime, HTTP listener, and a shutdown on signals with a deadline.
import type http from 'node:http';
import { ConfigError, loadConfig } from './config.ts';
import { exitAfterOutput } from './cli-exit.ts';
import { createHttpServer } from './http-server.ts';
import { createLogger } from './logger.ts';
import { PRODUCT } from './product.ts';
import { keepNewFilesPrivate } from './private-files.ts';
import { startRuntime, type Runtime } from './runtime.ts';
import { shutDownOnSignals, type ShutdownPlan } from './shutdown.ts';
import { serveMetrics } from './metrics/index.ts';

export interface ServeOptions {
  /** The worker role: no HTTP listener, only background processing (projections for now). */
  workerOnly?: boolean;
}

export async function serve(options: ServeOptions = {}): Promise<void> {
  keepNewFilesPrivate();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      await exitAfterOutput(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger, { role: options.workerOnly ? 'worker' : 'server' });
  if (options.workerOnly) return runWorker(runtime, await workerMetrics(runtime));
  const listener = createHttpServer(runtime);
  const { server } = listener;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { port, dataDir: config.dataDir, eventStore: config.eventStoreUrl ? 'eventstoredb' : 'sqlite', readModels: config.mongoUrl ? 'mongodb' : 'sqlite' },
    `${PRODUCT.name} ${PRODUCT.version} listening on http://localhost:${port}`,
  );

  shutDownOnSignals({
    ...shutdownSteps(runtime),
    async graceful(phase, softDeadline) {
      phase('finishing in-flight requests');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await listener.closeChannels();
      server.closeIdleConnections();
      const cutOff = setTimeout(() => {
        logger.warn('requests still open when runs must hand back; closing their connections');
        server.closeAllConnections();
      }, softDeadline - Date.now());
      await closed;
      clearTimeout(cutOff);
      phase('finishing runs and closing the stores');
      await runtime.close({ runWindowMs: Math.max(0, softDeadline - Date.now()) });
    },
  });
}

/** How long the execution thread may take to stop at exit. */
const RELEASE_MS = 500;

/** What both roles share in a shutdown: the deadlines, and the runs to report and hand back. */
function shutdownSteps(runtime: Runtime): Omit<ShutdownPlan, 'graceful'> {
  return {
    logger: runtime.logger,
    deadlineMs: runtime.config.shutdownTimeoutMs,
    runWindowMs: runtime.config.workerShutdownTimeoutMs,
    running: () => runtime.executions.runningJobs(),
    abandon: () => runtime.executions.abandonRunning(),
    release: async () => !runtime.executionThread || runtime.executionThread.terminate(RELEASE_MS),
  };
}

/** A worker's own /metrics on METRICS_PORT, when metrics are on. */
async function workerMetrics(runtime: Runtime): Promise<http.Server | undefined> {
  const { config } = runtime;
  if (!runtime.metrics || config.metricsPort === undefined) return undefined;
  const server = await serveMetrics(runtime.metrics, { port: config.metricsPort, host: config.host, token: config.metricsToken });
  runtime.logger.info({ port: config.metricsPort }, 'worker metrics at /metrics');
  return server;
}

function runWorker(runtime: Runtime, metricsServer?: http.Server): void {
  if (!runtime.config.redisUrl) {
    runtime.logger.warn('REDIS_URL is not set: without a shared queue this worker takes no runs (the server runs them itself); it only keeps the read models up to date');
  }
  runtime.logger.info(
    { concurrency: runtime.config.workerConcurrency, queue: runtime.config.redisUrl ? 'bullmq' : 'in-process' },
    `${PRODUCT.name} ${PRODUCT.version} worker started: running workflows from the queue`,
  );
  shutDownOnSignals({
    ...shutdownSteps(runtime),
    async graceful(phase, softDeadline) {
      phase('finishing runs and closing the stores');
      metricsServer?.close();
      metricsServer?.closeAllConnections();
      await runtime.close({ runWindowMs: Math.max(0, softDeadline - Date.now()) });
    },
  });
}
