// The bell's live channel: Socket.IO namespace /notifications on the live gateway's server. A socket
// joins its workspace's room (handshake auth `{workspaceId?, apiKey?}`), gets `unread` {count} on
// connecting and `notification` (the new item) as each one is added. With REDIS_URL the gateway's
// Redis adapter carries the emit to sockets on every server (the dispatcher runs on one).
import type { Namespace } from 'socket.io';
import type { AccessControl } from '../auth/access-control.ts';
import type { Principal } from '../auth/principal.ts';
import type { Inbox } from './inbox.ts';

export const NOTIFICATIONS_NAMESPACE = '/notifications';
const roomOf = (workspaceId: string) => `notifications:${workspaceId}`;

/** `io`: the live gateway's server (any event typing: this namespace has its own). */
export function attachNotificationSockets(io: { of(name: string): unknown }, deps: {
  inbox: Inbox;
  access: AccessControl;
  authenticateHeaders(headers: Record<string, string | string[] | undefined>): Promise<Principal | undefined>;
}): { close(): Promise<void> } {
  const nsp = io.of(NOTIFICATIONS_NAMESPACE) as Namespace;
  nsp.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as { apiKey?: unknown; workspaceId?: unknown };
    const headers: Record<string, string | string[] | undefined> = { ...socket.handshake.headers };
    if (typeof auth.apiKey === 'string' && auth.apiKey) headers['x-api-key'] = auth.apiKey;
    const requested = typeof auth.workspaceId === 'string' && auth.workspaceId ? auth.workspaceId : undefined;
    const refuse = (code: string, message: string) => next(Object.assign(new Error(message), { data: { code, message } }));
    deps.authenticateHeaders(headers).then(async (principal) => {
      if (!principal) return refuse('unauthenticated', 'Sign in, or send an API key in the handshake auth (apiKey)');
      // Refuses a workspace the user is not a member of.
      const { workspaceId } = await deps.access.currentWorkspace(principal, requested);
      socket.data = { userId: principal.userId, workspaceId };
      next();
    }).catch((err: unknown) => refuse((err as { code?: string }).code ?? 'forbidden', (err as Error).message));
  });
  nsp.on('connection', (socket) => {
    const { userId, workspaceId } = socket.data as { userId: string; workspaceId: string };
    void socket.join(roomOf(workspaceId));
    deps.inbox.unread(userId, workspaceId).then((count) => socket.emit('unread', { count }), () => undefined);
  });
  const stop = deps.inbox.listen((item) => nsp.to(roomOf(item.workspaceId)).emit('notification', item));
  return {
    async close() {
      stop();
      nsp.local.disconnectSockets(true);
    },
  };
}
