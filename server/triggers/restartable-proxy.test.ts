// The restartable proxy against a local echo server: bytes pass both ways; stop() drops the open
// connection and refuses new ones; start() serves again on the same port.
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRestartableProxy, type RestartableProxy } from './restartable-proxy.ts';

let echo: Server;
let proxy: RestartableProxy;

beforeAll(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  proxy = await startRestartableProxy({ host: '127.0.0.1', port: (echo.address() as AddressInfo).port });
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

/** Connects to the proxy: the socket, or the error code when that fails. */
function open(): Promise<Socket | string> {
  return new Promise((resolve) => {
    const socket = connect(proxy.port, '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

function echoed(socket: Socket, text: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (data) => resolve(data.toString()));
    socket.write(text);
  });
}

it('passes bytes, drops connections and refuses new ones when stopped, serves again on the same port when started', async () => {
  const port = proxy.port;
  const first = await open();
  if (typeof first === 'string') throw new Error(first);
  expect(await echoed(first, 'one')).toBe('one');
  const dropped = new Promise<void>((resolve) => first.once('close', () => resolve()));

  await proxy.stop();
  await dropped;
  expect(await open()).toBe('ECONNREFUSED');

  await proxy.start();
  expect(proxy.port).toBe(port);
  const second = await open();
  if (typeof second === 'string') throw new Error(second);
  expect(await echoed(second, 'two')).toBe('two');
  expect(proxy.accepted()).toBe(2);
  second.destroy();
});
