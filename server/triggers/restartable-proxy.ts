// A TCP proxy in front of a real server's port that tests can stop and start, so a trigger sees its
// server go away and come back without restarting the shared server other tests use. Stopped, it
// has dropped every proxied connection and its port refuses new ones, as a stopped server's does.
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface RestartableProxy {
  /** The port on 127.0.0.1 that clients connect to; the same after every start(). */
  readonly port: number;
  /** Connections accepted since the proxy was created (each reconnect adds one). */
  accepted(): number;
  /** Destroys every proxied connection and closes the port: new connections are refused. */
  stop(): Promise<void>;
  /** Listens on the same port again. */
  start(): Promise<void>;
  /** stop(), for afterAll. */
  close(): Promise<void>;
}

export async function startRestartableProxy(target: { host: string; port: number }): Promise<RestartableProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | undefined;
  let port = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const onConnection = (client: Socket) => {
    accepted++;
    const upstream = createConnection(target);
    track(client);
    track(upstream);
    // Either side ending or failing ends both, as one connection to the server would.
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = async () => {
    const next = createServer(onConnection);
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        resolve();
      });
    });
    server = next;
    port = (next.address() as AddressInfo).port;
  };

  const stop = async () => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    accepted: () => accepted,
    stop,
    async start() {
      if (!server) await listen();
    },
    close: stop,
  };
}
