// Who may call a route: declared on every route, enforced by the guard.
import type { AccessLevel } from '../../domain/index.ts';

/** The kinds of resource a route can address by id; each has a loader that finds its workspace. */
export type ResourceKind = 'workflow' | 'credential' | 'variable' | 'workspace' | 'user' | 'execution' | 'dataTable';

/**
 * Who may call a route. `workspace` routes act in the caller's current workspace (header
 * X-Workspace-Id); `resource` routes address one resource by a path parameter.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'owner' }
  | { kind: 'workspace'; level: AccessLevel }
  | { kind: 'resource'; resource: ResourceKind; param: string; level: AccessLevel };
