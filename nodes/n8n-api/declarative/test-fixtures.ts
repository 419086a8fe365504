// For the declarative tests: a local HTTP server that records what it receives and answers by
// route, and DeclarativeFunctions built from real parts (fetchHttpRequest, authenticateRequest,
// the sandbox evaluator for `={{ }}` parameters) around a node's parameters and input items.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Item } from '../../../engine/index.ts';
import { authenticateRequest } from '../credential-auth.ts';
import { createCredentialEvaluator } from '../parameters.ts';
import type { N8nCredentialType } from '../n8n-types.ts';
import { createSandboxEvaluator } from './expression.ts';
import type { DeclarativeFunctions } from './functions.ts';
import { fetchHttpRequest } from './http.ts';
import { getPath } from './request-data.ts';

export interface Received {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Route = (req: Received) => { status?: number; json?: unknown; raw?: Buffer; type?: string };

export interface TestServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 answering `routes['METHOD /path']`, 404 JSON otherwise. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const entry: Received = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body };
      received.push(entry);
      const route = routes[`${entry.method} ${entry.path}`];
      const answer = route ? route(entry) : { status: 404, json: { message: `No route ${entry.method} ${entry.path}` } };
      res.statusCode = answer.status ?? 200;
      if (answer.raw) {
        res.setHeader('content-type', answer.type ?? 'application/octet-stream');
        res.end(answer.raw);
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer.json ?? {}));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}

export interface FunctionsSetup {
  parameters: Record<string, unknown>;
  items?: Item[];
  credentials?: Record<string, Record<string, unknown>>;
  credentialTypes?: Record<string, N8nCredentialType>;
  continueOnFail?: boolean;
  typeVersion?: number;
}

/** DeclarativeFunctions for one node run; parameters may hold `={{ }}` resolved per item with `$json`. */
export function buildFunctions(setup: FunctionsSetup): DeclarativeFunctions & { dispose(): void } {
  const items = setup.items ?? [{ json: {} }];
  const sandbox = createSandboxEvaluator();
  const credentialExpressions = createCredentialEvaluator();
  const getCredentials = async (type: string) => {
    const data = setup.credentials?.[type];
    if (!data) throw new Error(`No credential of type '${type}'`);
    return data;
  };
  return {
    getInputData: () => items,
    getNodeParameter(name, itemIndex, fallback) {
      const raw = getPath(setup.parameters, name);
      if (raw === undefined) return fallback;
      return sandbox.resolve(raw, { $json: items[itemIndex]?.json ?? {}, $parameter: setup.parameters });
    },
    getNode: () => ({ name: 'Node', typeVersion: setup.typeVersion ?? 1, parameters: setup.parameters }),
    getCredentials,
    continueOnFail: () => setup.continueOnFail === true,
    helpers: {
      httpRequest: (options) => fetchHttpRequest(options),
      async httpRequestWithAuthentication(type, options) {
        const signed = await authenticateRequest(setup.credentialTypes?.[type], await getCredentials(type), options, credentialExpressions);
        return fetchHttpRequest(signed);
      },
    },
    dispose: () => {
      sandbox.dispose();
      credentialExpressions.dispose();
    },
  };
}
