// What every screen needs (API, session, router, toasts), passed down through Svelte context
// rather than module-level singletons.
import { getContext, setContext } from 'svelte';
import type { Api } from './api.ts';
import type { Router } from './router.svelte.ts';
import type { Session } from './session.svelte.ts';

export interface AppContext {
  api: Api;
  session: Session;
  router: Router;
  toast(message: string, kind?: 'info' | 'error'): void;
}

const KEY = Symbol('weft-app');

export function provideApp(ctx: AppContext): void {
  setContext(KEY, ctx);
}

export function useApp(): AppContext {
  return getContext<AppContext>(KEY);
}
