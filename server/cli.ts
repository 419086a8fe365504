// The `weft` command line: start the server or a worker, inspect configuration, manage projections.
import { loadConfig, describeConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { PRODUCT } from './product.ts';
import { ALL_PROJECTIONS, createProjectionRunner, openEventStore, openReadModels } from './runtime.ts';
import { serve } from './main.ts';

const HELP = `${PRODUCT.bin} ${PRODUCT.version}: event-sourced, collaborative workflow automation

Usage:
  ${PRODUCT.bin} start                        start the server (API, webhooks, editor) on $PORT
  ${PRODUCT.bin} worker                       start a background worker (no HTTP)
  ${PRODUCT.bin} config                       list every setting, its environment variable and default
  ${PRODUCT.bin} projections status           show each projection's version and checkpoint
  ${PRODUCT.bin} projections rebuild <name>   rebuild a projection from the first event, then swap
  ${PRODUCT.bin} version                      print the version
`;

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  switch (verb) {
    case undefined:
    case 'start':
      await serve();
      return -1;
    case 'worker':
      await serve({ workerOnly: true });
      return -1;
    case 'config':
      for (const s of describeConfig()) console.log(`${s.env.padEnd(28)} ${JSON.stringify(s.default ?? null).padEnd(12)} ${s.doc}`);
      return 0;
    case 'projections':
      return projections(rest);
    case 'version':
    case '--version':
      console.log(PRODUCT.version);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`Unknown command '${verb}'.\n\n${HELP}`);
      return 2;
  }
}

async function projections([action, name]: string[]): Promise<number> {
  if (action !== 'status' && action !== 'rebuild') {
    console.error(`Usage: ${PRODUCT.bin} projections status | rebuild <name>`);
    return 2;
  }
  const selected = action === 'rebuild' ? ALL_PROJECTIONS.filter((p) => p.name === name) : ALL_PROJECTIONS;
  if (selected.length === 0) {
    console.error(`Unknown projection '${name ?? ''}'. Known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const events = openEventStore(config, logger);
  const readModels = openReadModels(config);
  try {
    for (const projection of selected) {
      const runner = createProjectionRunner(projection, events, readModels, logger);
      await runner.start();
      if (action === 'rebuild') {
        const started = Date.now();
        const status = await runner.rebuild();
        console.log(`${projection.name}: rebuilt into ${status.activeKey} up to position ${status.checkpoint} in ${Date.now() - started} ms`);
      } else {
        await runner.waitFor(await events.headPosition(), 60_000);
        const s = runner.status();
        console.log(`${s.name.padEnd(18)} v${s.version}  serving ${s.activeKey}  checkpoint ${s.checkpoint}`);
      }
      await runner.stop();
    }
    return 0;
  } finally {
    await events.close();
    await readModels.close();
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
