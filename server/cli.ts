// The `weft` command line: start the server or a worker, inspect configuration, manage projections.
// Each verb loads what it needs when it runs: `weft --help` answers without loading the server.
import { exitAfterOutput, ignoreClosedReader } from './cli-exit.ts';
import { HELP } from './cli-help.ts';
import { describeConfig } from './config.ts';
import { keepNewFilesPrivate } from './private-files.ts';
import { PRODUCT } from './product.ts';

const verbs = () => import('./cli-verbs.ts');

export async function main(argv: string[]): Promise<number> {
  // Before any verb opens the data folder (start, worker, users, import…).
  keepNewFilesPrivate();
  const [verb, ...rest] = argv;
  if (verb !== undefined && verb !== 'start' && verb !== 'worker') ignoreClosedReader();
  switch (verb) {
    case undefined:
    case 'start':
      await (await import('./main.ts')).serve();
      return -1;
    case 'worker':
      await (await import('./main.ts')).serve({ workerOnly: true });
      return -1;
    case 'config':
      for (const s of describeConfig()) console.log(`${s.env.padEnd(28)} ${JSON.stringify(s.default ?? null).padEnd(12)} ${s.doc}`);
      return 0;
    case 'projections':
      return (await verbs()).projections(rest);
    case 'users':
    case 'apikey':
      return (await verbs()).identityVerb(verb, rest);
    case 'import':
    case 'export':
    case 'list':
      return (await verbs()).workflowVerb(verb, rest);
    case 'check':
      return (await import('./cli-check.ts')).checkVerb(rest);
    case 'nodes':
      return (await verbs()).reportErrors(async () => (await verbs()).nodesVerb(rest));
    case 'execute': {
      const { executeFile } = await import('./cli-engine.ts');
      return (await verbs()).reportErrors(() => executeFile(rest));
    }
    case 'test': {
      const { testVerb } = await import('./workflow-tests/cli-test.ts');
      return (await verbs()).reportErrors(() => testVerb(rest));
    }
    case 'eval': {
      const { evalExpression } = await import('./cli-engine.ts');
      return (await verbs()).reportErrors(() => evalExpression(rest));
    }
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

const code = await main(process.argv.slice(2));
// `start` and `worker` (-1) run until a signal; every other verb ends once its output is out.
if (code >= 0) await exitAfterOutput(code);
