// Who is making a request, once authenticated.
import type { Actor, InstanceRole } from '../../domain/index.ts';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  instanceRole: InstanceRole;
  /** Set when the request came with an API key: it acts only in that key's workspace. */
  apiKey?: { keyId: string; workspaceId: string };
  /** Set when the request came with a session cookie. */
  sessionId?: string;
}

export function actorOf(principal: Principal): Actor {
  return principal.apiKey
    ? { kind: 'apiKey', id: principal.userId, name: `${principal.name} (key ${principal.apiKey.keyId})` }
    : { kind: 'user', id: principal.userId, name: principal.name };
}
