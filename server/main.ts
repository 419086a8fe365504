// Starts the server: configuration, runtime, HTTP listener, and a graceful shutdown on signals.
import { ConfigError, loadConfig } from './config.ts';
import { createHttpServer } from './http-server.ts';
import { createLogger } from './logger.ts';
import { PRODUCT } from './product.ts';
import { keepNewFilesPrivate } from './private-files.ts';
import { startRuntime, type Runtime } from './runtime.ts';

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
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  const runtime = await startRuntime(config, logger, { role: options.workerOnly ? 'worker' : 'server' });
  if (options.workerOnly) return runWorker(runtime);
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

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await listener.closeChannels();
    server.closeIdleConnections();
    const deadline = setTimeout(() => {
      logger.warn('shutdown deadline reached; closing open connections');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    await closed;
    clearTimeout(deadline);
    await runtime.close();
    logger.info('stopped cleanly');
    logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function runWorker(runtime: Runtime): void {
  if (!runtime.config.redisUrl) {
    runtime.logger.warn('REDIS_URL is not set: without a shared queue this worker takes no runs (the server runs them itself); it only keeps the read models up to date');
  }
  runtime.logger.info(
    { concurrency: runtime.config.workerConcurrency, queue: runtime.config.redisUrl ? 'bullmq' : 'in-process' },
    `${PRODUCT.name} ${PRODUCT.version} worker started: running workflows from the queue`,
  );
  const stop = async (signal: string) => {
    runtime.logger.info({ signal }, 'worker shutting down');
    await runtime.close();
    runtime.logger.flush();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
