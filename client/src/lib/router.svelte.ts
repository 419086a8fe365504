// Path-based routing for the single-page editor (the server answers every editor path with
// index.html): the current route as reactive state, and navigation that keeps browser history.

export type Route =
  | { name: 'signin' }
  | { name: 'signup'; invitation: string }
  | { name: 'workflows' }
  | { name: 'editor'; id: string; executionId?: string }
  | { name: 'executions'; workflowId?: string }
  | { name: 'credentials' }
  | { name: 'variables' }
  | { name: 'dataTables'; id?: string }
  | { name: 'templates' }
  | { name: 'audit' }
  | { name: 'insights' }
  | { name: 'notifications' }
  | { name: 'communityNodes' }
  | { name: 'notFound' };

export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (parts.length === 0 || (parts[0] === 'workflows' && parts.length === 1)) return { name: 'workflows' };
  if (parts[0] === 'signin') return { name: 'signin' };
  if (parts[0] === 'signup') return { name: 'signup', invitation: query.get('invitation') ?? '' };
  if (parts[0] === 'workflows' && parts[1]) {
    if (parts[2] === 'executions' && parts[3]) return { name: 'editor', id: parts[1], executionId: parts[3] };
    return { name: 'editor', id: parts[1] };
  }
  if (parts[0] === 'executions') return { name: 'executions', workflowId: query.get('workflowId') ?? undefined };
  if (parts[0] === 'credentials') return { name: 'credentials' };
  if (parts[0] === 'variables') return { name: 'variables' };
  if (parts[0] === 'data-tables') return parts[1] ? { name: 'dataTables', id: parts[1] } : { name: 'dataTables' };
  if (parts[0] === 'templates') return { name: 'templates' };
  if (parts[0] === 'audit') return { name: 'audit' };
  if (parts[0] === 'insights') return { name: 'insights' };
  if (parts[0] === 'notifications') return { name: 'notifications' };
  if (parts[0] === 'settings' && parts[1] === 'community-nodes') return { name: 'communityNodes' };
  return { name: 'notFound' };
}

export class Router {
  route = $state<Route>(parseRoute(location.pathname, location.search));

  constructor() {
    addEventListener('popstate', () => {
      this.route = parseRoute(location.pathname, location.search);
    });
  }

  go(path: string, replace = false): void {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    const url = new URL(path, location.origin);
    this.route = parseRoute(url.pathname, url.search);
  }
}
