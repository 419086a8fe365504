// The REST client: JSON in and out, the current workspace in X-Workspace-Id, errors as ApiError.

/** An error answer of the API (`{code, message, details}`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
}

export interface Api {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** The same, also returning the response headers (ETag for revisions). */
  requestWithHeaders<T>(path: string, options?: RequestOptions): Promise<{ body: T; headers: Headers }>;
  /** The workspace every request acts in, when set. */
  workspaceId: string | undefined;
  /** Called when an answer says the session is gone (401), to send the person to sign-in. */
  onUnauthenticated: (() => void) | undefined;
}

export function createApi(base = ''): Api {
  const api: Api = {
    workspaceId: undefined,
    onUnauthenticated: undefined,
    async request<T>(path: string, options: RequestOptions = {}) {
      return (await api.requestWithHeaders<T>(path, options)).body;
    },
    async requestWithHeaders<T>(path: string, options: RequestOptions = {}) {
      const url = new URL(base + path, location.origin);
      for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
      const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
      if (api.workspaceId) headers['x-workspace-id'] = api.workspaceId;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetch(url, {
          method: options.method ?? 'GET', headers, credentials: 'same-origin',
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch (error) {
        throw new ApiError(0, 'network', `The server cannot be reached (${(error as Error).message})`);
      }
      const text = await response.text();
      const body = text ? safeJson(text) : undefined;
      if (!response.ok) {
        const e = (body ?? {}) as { code?: string; message?: string; details?: unknown };
        if (response.status === 401 && path !== '/api/v1/auth/signin') api.onUnauthenticated?.();
        throw new ApiError(response.status, e.code ?? 'http_error', e.message ?? `${response.status} ${response.statusText}`, e.details);
      }
      return { body: body as T, headers: response.headers };
    },
  };
  return api;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Human-readable text of any error, for toasts and inline messages. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const details = Array.isArray(error.details)
      ? (error.details as { path?: string; message?: string }[]).slice(0, 3).map((d) => `${d.path ?? ''} ${d.message ?? ''}`.trim()).join('; ')
      : '';
    return details ? `${error.message} (${details})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
