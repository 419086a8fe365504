// Facebook Graph API (n8n-nodes-base.facebookGraphApi v1): one Graph request per item, to
// `<host>/<version>/<node>/<edge>` with the credential's token as `access_token`, the chosen fields
// and query parameters, and optionally an item's binary file as a multipart body (video uploads go
// to graph-video). The JSON answer is the item; Graph's error becomes a node error, or with
// continue-on-fail an item `{statusCode, ...error, headers}` as n8n gives.
import { randomBytes } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeOutput, type NodeType } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { createTransport, type HttpResponse } from '../http-request/send.ts';
import { apiStatusMessage } from '../shared/http-status-messages.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { sendWaitingOutRateLimits } from '../shared/rate-limit.ts';
import { serviceUrl } from '../shared/service-url.ts';
import { facebookGraphApiProperties } from './facebook-graph-api.description.ts';

const TIMEOUT_MS = 300_000;

/** The base of a host choice; each may be pointed at a mirror or stand-in. */
export function graphHostUrl(host: string): string {
  if (host === 'graph-video.facebook.com') return serviceUrl('facebook-graph-video', 'https://graph-video.facebook.com');
  if (host === 'graph.facebook.com') return serviceUrl('facebook-graph', 'https://graph.facebook.com');
  return `https://${host}`;
}

/** The query string n8n builds: the token, `fields` as a comma list, the named parameters, then the JSON ones over them. */
export function graphQuery(accessToken: string, options: JsonObject): Record<string, unknown> {
  const qs: Record<string, unknown> = { access_token: accessToken };
  const fields = (options.fields as JsonObject | undefined)?.field;
  if (Array.isArray(fields)) qs.fields = (fields as JsonObject[]).map((f) => f.name).join(',');
  const parameters = (options.queryParameters as JsonObject | undefined)?.parameter;
  if (Array.isArray(parameters)) for (const p of parameters as JsonObject[]) qs[String(p.name)] = p.value;
  if (options.queryParametersJson) {
    let extra: unknown = options.queryParametersJson;
    if (typeof extra === 'string') {
      try { extra = JSON.parse(extra); } catch { extra = {}; }
    }
    if (extra && typeof extra === 'object' && !Array.isArray(extra)) Object.assign(qs, extra);
  }
  return qs;
}

function queryString(qs: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(qs)) {
    if (value === undefined || value === null) continue;
    params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return params.toString();
}

function multipart(field: string, data: Buffer, fileName: string | undefined, mimeType: string): { body: Buffer; contentType: string } {
  const boundary = `----weft${randomBytes(12).toString('hex')}`;
  const name = (fileName ?? 'file').replace(/"/g, '%22');
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field.replace(/"/g, '%22')}"; filename="${name}"\r\nContent-Type: ${mimeType || 'application/octet-stream'}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

class GraphStatusError extends Error {
  constructor(readonly response: HttpResponse, readonly body: unknown) { super(`Graph answered ${response.statusCode}`); }
}

function parseJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return text; }
}

async function requestOnce(ctx: ExecuteContext, itemIndex: number, accessToken: string): Promise<unknown> {
  const host = param(ctx, 'hostUrl', itemIndex, 'graph.facebook.com');
  const method = param(ctx, 'httpRequestMethod', itemIndex, 'GET');
  const version = param(ctx, 'graphApiVersion', itemIndex, '');
  const node = param(ctx, 'node', itemIndex, '');
  const edge = param(ctx, 'edge', itemIndex, '');
  const options = collection(ctx, 'options', itemIndex);
  let url = `${graphHostUrl(host)}/${version ? `${version}/` : ''}${node}`;
  if (edge) url += `/${edge}`;
  const search = queryString(graphQuery(accessToken, options));
  const headers: Record<string, string> = { accept: 'application/json,text/*;q=0.99' };
  let body: Buffer | undefined;
  if (param(ctx, 'sendBinaryData', itemIndex, false)) {
    const full = param(ctx, 'binaryPropertyName', itemIndex, '');
    const [field, property] = full.includes(':') ? full.split(':', 2) : ['file', full];
    const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[itemIndex], property, itemIndex);
    const form = multipart(field, buffer, binary.fileName, binary.mimeType);
    body = form.body;
    headers['content-type'] = form.contentType;
  }
  const transport = createTransport({ allowUnauthorizedCerts: param(ctx, 'allowUnauthorizedCerts', itemIndex, false), blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    const response = await sendWaitingOutRateLimits(transport, { method, url: search ? `${url}?${search}` : url, headers, ...(body ? { body } : {}) },
      { timeoutMs: TIMEOUT_MS, followRedirects: true, maxRedirects: 5, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks });
    const answer = parseJson(response.body.toString('utf8'));
    if (response.statusCode >= 400) throw new GraphStatusError(response, answer);
    return answer;
  } finally {
    await transport.close();
  }
}

async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  const items = ctx.getInputData();
  const output: Item[] = [];
  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const paired = { item: itemIndex };
    let answer: unknown;
    try {
      const { accessToken } = await ctx.credentials.get('facebookGraphApi');
      answer = await requestOnce(ctx, itemIndex, String(accessToken ?? ''));
    } catch (error) {
      if (error instanceof GraphStatusError) {
        const graphError = (error.body && typeof error.body === 'object' ? (error.body as JsonObject).error : undefined) as JsonObject | undefined;
        if (!ctx.continueOnFail()) {
          const said = typeof graphError?.message === 'string' ? graphError.message : typeof error.body === 'string' ? error.body.slice(0, 500) : undefined;
          throw new NodeOperationError(ctx.node.name, apiStatusMessage(error.response.statusCode), { itemIndex, ...(said ? { description: said } : {}) });
        }
        output.push({ json: { statusCode: error.response.statusCode, ...(graphError ?? {}), headers: error.response.headers as JsonObject }, pairedItem: paired });
        continue;
      }
      if (error instanceof NodeOperationError) {
        if (!ctx.continueOnFail()) throw error;
        output.push({ json: { error: error.message }, pairedItem: paired });
        continue;
      }
      const failure = serviceCallError(ctx.node.name, error, itemIndex);
      if (!ctx.continueOnFail()) throw failure;
      output.push({ json: { error: errorMessage(failure) }, pairedItem: paired });
      continue;
    }
    if (typeof answer === 'string') {
      if (!ctx.continueOnFail()) throw new NodeOperationError(ctx.node.name, 'Response body is not valid JSON.', { itemIndex });
      output.push({ json: { message: answer }, pairedItem: paired });
      continue;
    }
    output.push({ json: (answer && typeof answer === 'object' ? answer : { data: answer }) as JsonObject, pairedItem: paired });
  }
  return [output];
}

export const facebookGraphApiNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.facebookGraphApi',
    displayName: 'Facebook Graph API',
    icon: 'fa:facebook',
    group: ['transform'],
    version: [1],
    description: "Calls Facebook's Graph API",
    defaults: { name: 'Facebook Graph API' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: [{ name: 'facebookGraphApi', required: true }],
    properties: facebookGraphApiProperties,
  },
  execute,
};
