// For the FTP and SSH node tests: the local vsftpd (127.0.0.1:21) and sshd (127.0.0.1:2222) that
// .ci/services/vsftpd.sh and sshd.sh start, their test user and keys, and whether they answer. On CI
// a missing server fails the suite; elsewhere the suite is skipped with the reason printed.
import { existsSync, readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';

export const HOST = '127.0.0.1';
export const FTP_PORT = 21;
export const SSH_PORT = 2222;
export const USER = 'weft';
export const PASSWORD = 'weft-pass';
/** The test user's home: where both servers put relative paths, and where tests check files. */
export const HOME = '/home/weft';
const KEYS = '/tmp/weft-sshd';
export const KEY_PASSPHRASE = 'weft-key-pass';

export const key = (name: 'id_ed25519' | 'id_rsa_pass') => (existsSync(`${KEYS}/${name}`) ? readFileSync(`${KEYS}/${name}`, 'utf8') : '');

export interface ServerCheck {
  skip: boolean;
  problem?: string;
}

export async function checkServer(name: string, port: number): Promise<ServerCheck> {
  const problem = await new Promise<string | undefined>((resolve) => {
    const socket = connect({ host: HOST, port });
    const done = (reason?: string) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(2_000, () => done('no answer within 2 s'));
    socket.once('connect', () => done());
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
  if (!problem) return { skip: false };
  const message = `${name} is not reachable at ${HOST}:${port} (${problem}); run .ci/services/${name === 'vsftpd' ? 'vsftpd' : 'sshd'}.sh`;
  if (process.env.CI === 'true') return { skip: false, problem: message };
  console.warn(`Skipping the ${name} tests: ${message}`);
  return { skip: true, problem: message };
}

/** A port nothing listens on (a stopped server). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
