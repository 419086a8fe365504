// For integration tests: is a real service listening? On CI a missing service must fail the run;
// on a developer machine its suite is skipped, saying why.
import { connect } from 'node:net';

export interface ServiceCheck {
  /** Skip the suite: only when the service is missing and this is not CI. */
  skip: boolean;
  /** Why the service is unusable; a suite that runs anyway (CI) should fail with it. */
  problem?: string;
}

export async function checkService(name: string, host: string, port: number, timeoutMs = 2_000): Promise<ServiceCheck> {
  const problem = await new Promise<string | undefined>((resolve) => {
    const socket = connect({ host, port });
    const done = (reason?: string) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done());
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
  if (!problem) return { skip: false };
  const message = `${name} is not reachable at ${host}:${port} (${problem})`;
  if (process.env.CI === 'true') return { skip: false, problem: message };
  console.warn(`Skipping the tests that need ${name}: ${message}. Start it to run them (CI requires it).`);
  return { skip: true, problem: message };
}
