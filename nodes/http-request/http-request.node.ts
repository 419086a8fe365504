// HTTP Request (n8n-nodes-base.httpRequest v3–4.3): one request (or one paginated series) per
// input item, in batches, stopped with the run.
import { setTimeout as sleep } from 'node:timers/promises';
import { NodeOperationError, type ExecuteContext, type Item, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { authenticate, predefinedCredentialTypes, reauthenticateOAuth2 } from './authenticate.ts';
import { buildRequest, toSpec, type BuiltRequest } from './build-request.ts';
import { httpRequestDescription } from './http-request.description.ts';
import { isEmptyBody, nextRequest, paginationSettings, evaluateWithPage, type PageVariables } from './pagination.ts';
import { parsedBody, responseItems, statusErrorMessage, type ResponseFormat, type ResponseOptions } from './response.ts';
import { createTransport, send, type HttpResponse, type SendOptions } from './send.ts';

const DEFAULT_TIMEOUT_MS = 300_000;

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  const blockPrivateNetworks = ctx.blockPrivateNetworks;
  const certificates = ctx.getNodeParameter('provideSslCertificates', 0, false) === true ? await ctx.credentials.get('httpSslAuth') : undefined;
  const transport = createTransport({
    proxy: String(ctx.getNodeParameter('options.proxy', 0, '') ?? '') || undefined,
    allowUnauthorizedCerts: ctx.getNodeParameter('options.allowUnauthorizedCerts', 0, false) === true,
    blockPrivateNetworks,
    ...(certificates ? { certificates: certificates as Record<string, string> } : {}),
  });
  const batchSize = Number(ctx.getNodeParameter('options.batching.batch.batchSize', 0, -1));
  const batchInterval = Number(ctx.getNodeParameter('options.batching.batch.batchInterval', 0, 0));
  const size = batchSize > 0 ? batchSize : items.length || 1;
  const results: Item[][] = [];
  try {
    for (let start = 0; start < items.length; start += size) {
      if (start > 0 && batchInterval > 0) await sleep(batchInterval, undefined, { signal: ctx.signal });
      const batch = items.slice(start, start + size).map((item, k) => runItem(ctx, start + k, item, transport, blockPrivateNetworks));
      // Requests of one batch run at once, as in n8n; the first failure that may not continue ends the node.
      const settled = await Promise.allSettled(batch);
      settled.forEach((outcome, k) => {
        const i = start + k;
        if (outcome.status === 'fulfilled') results[i] = outcome.value;
        else if (ctx.continueOnFail()) results[i] = [{ json: { error: errorMessage(outcome.reason) }, pairedItem: { item: i } }];
        else throw serviceCallError(ctx.node.name, outcome.reason, i);
      });
    }
  } finally {
    await transport.close();
  }
  return [results.flat()];
}


async function runItem(ctx: ExecuteContext, i: number, item: Item, transport: Parameters<typeof send>[0], blockPrivateNetworks: boolean): Promise<Item[]> {
  let request: BuiltRequest = buildRequest(ctx, i, item);
  await authenticate(ctx, i, request);
  const responseOptions: ResponseOptions = {
    format: ctx.getNodeParameter('options.response.response.responseFormat', i, 'autodetect') as ResponseFormat,
    fullResponse: ctx.getNodeParameter('options.response.response.fullResponse', i, false) === true,
    outputPropertyName: String(ctx.getNodeParameter('options.response.response.outputPropertyName', i, 'data') || 'data'),
  };
  const neverError = ctx.getNodeParameter('options.response.response.neverError', i, false) === true;
  const sendOptions: SendOptions & { blockPrivateNetworks: boolean } = {
    timeoutMs: Number(ctx.getNodeParameter('options.timeout', i, DEFAULT_TIMEOUT_MS)) || DEFAULT_TIMEOUT_MS,
    followRedirects: ctx.getNodeParameter('options.redirect.redirect.followRedirects', i, true) !== false,
    maxRedirects: Number(ctx.getNodeParameter('options.redirect.redirect.maxRedirects', i, 21)),
    signal: ctx.signal,
    blockPrivateNetworks,
  };
  const failed = (res: HttpResponse) => res.statusCode < 200 || res.statusCode >= 300;
  const raise = (res: HttpResponse): never => {
    const body = res.body.toString('utf8');
    throw new NodeOperationError(ctx.node.name, statusErrorMessage(res.statusCode), {
      description: `${res.statusCode} - ${body.length > 2000 ? `${body.slice(0, 2000)}…` : body}`,
      itemIndex: i,
    });
  };

  // n8n's refresh-and-retry: a 401 to an OAuth2 token renews it and the request goes once more.
  const sendSigned = async (): Promise<HttpResponse> => {
    const res = await send(transport, toSpec(request), sendOptions);
    return res.statusCode === 401 && await reauthenticateOAuth2(ctx, i, request) ? send(transport, toSpec(request), sendOptions) : res;
  };

  const pagination = paginationSettings(ctx, i);
  if (!pagination) {
    const res = await sendSigned();
    if (failed(res) && !neverError) raise(res);
    return responseItems(res, responseOptions, i);
  }

  const out: Item[] = [];
  for (let pageCount = 0; ; ) {
    const res = await sendSigned();
    pageCount += 1;
    const completeByStatus = pagination.completeWhen === 'receiveSpecificStatusCodes' && pagination.statusCodes.includes(res.statusCode);
    if (completeByStatus) break;
    if (failed(res) && !neverError) raise(res);
    const body = parsedBody(res, responseOptions.format);
    const vars: PageVariables = {
      $response: { body, headers: res.headers, statusCode: res.statusCode, statusMessage: res.statusMessage },
      $pageCount: pageCount,
      $request: { method: request.method, url: request.url, qs: request.query, headers: request.headers, ...(request.body?.kind === 'json' ? { body: request.body.value } : {}) },
    };
    if (!(pagination.completeWhen === 'responseIsEmpty' && isEmptyBody(body))) out.push(...responseItems(res, responseOptions, i));
    if (pagination.completeWhen === 'responseIsEmpty' && isEmptyBody(body)) break;
    if (pagination.completeWhen === 'other' && evaluateWithPage(ctx, pagination.completeExpression, i, vars)) break;
    if (pagination.maxPages !== undefined && pageCount >= pagination.maxPages) break;
    const next = nextRequest(ctx, i, pagination, request, vars);
    if (!next) break;
    request = next;
    if (pagination.intervalMs > 0) await sleep(pagination.intervalMs, undefined, { signal: ctx.signal });
  }
  return out;
}

/** Reading is not an effect: GET, HEAD and OPTIONS stay inside for a check; any other (or an expression) may write. */
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

export const httpRequestNode: NodeType = {
  outsideEffects: (node) => !READ_METHODS.includes(String(node.parameters.method ?? node.parameters.requestMethod ?? 'GET').toUpperCase()),
  description: httpRequestDescription,
  execute,
  methods: { loadOptions: { getPredefinedCredentialTypes: predefinedCredentialTypes } },
};
