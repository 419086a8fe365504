// The HTTP listener shared by REST, the live feed (Socket.IO) and collaboration (Yjs over
// WebSocket): one port, one place where the real-time channels attach to it.
import http from 'node:http';
import type { Runtime } from './runtime.ts';
import { attachLiveGateway } from './live/index.ts';
import { attachCollabChannel } from './collab/collab-channel.ts';
import { createOriginCheck } from './http/origin-check.ts';
import { attachNotificationSockets } from './notifications/index.ts';

/** Something that hangs a real-time channel on the HTTP server and can be shut down with it. */
export interface RealtimeChannel {
  close(): Promise<void>;
}

export interface HttpServer {
  server: http.Server;
  channels: RealtimeChannel[];
  /** Stops the real-time channels (they hold long-lived connections) before the HTTP server closes. */
  closeChannels(): Promise<void>;
}

export function createHttpServer(runtime: Runtime): HttpServer {
  const server = http.createServer(runtime.app.koa.callback());
  server.keepAliveTimeout = 5_000;
  // Real-time channels attach here, each with its own path prefix (e.g. /socket.io, /collab).
  const channels: RealtimeChannel[] = [];
  const { config } = runtime;
  const originAllowed = createOriginCheck({ publicUrl: config.publicUrl ?? `http://localhost:${config.port}`, allowedOrigins: config.allowedOrigins });
  const live = attachLiveGateway(server, runtime, { originAllowed });
  runtime.metrics?.setLiveSockets(() => live.io.of('/').sockets.size);
  channels.push(live);
  channels.push(attachNotificationSockets(live.io, { inbox: runtime.notifications.inbox, access: runtime.access, authenticateHeaders: runtime.authenticateHeaders }));
  channels.push(attachCollabChannel(server, {
    originAllowed,
    rooms: runtime.collab, access: runtime.access, authenticateHeaders: runtime.authenticateHeaders,
    findWorkflow: (id) => runtime.workflows.find(id), logger: runtime.logger.child({ part: 'collab' }), maxMessageBytes: runtime.config.collabMaxMessageBytes,
    accessRecheckMs: runtime.config.collabAccessRecheckMs,
  }));
  return {
    server,
    channels,
    async closeChannels() {
      for (const channel of channels) await channel.close();
    },
  };
}
