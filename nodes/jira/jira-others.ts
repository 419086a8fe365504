// The issueComment, issueAttachment and user resources of n8n's Jira node. Cloud speaks REST v3
// for them (comments as Atlassian Document Format), Server v2 (plain text comments).
import { randomBytes } from 'node:crypto';
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { collection, param } from '../shared/params.ts';
import type { JiraClient } from './jira-api.ts';

const api = (client: JiraClient) => (client.version === 'cloud' ? '3' : '2');

function commentBody(ctx: ExecuteContext, client: JiraClient, i: number): unknown {
  if (param(ctx, 'jsonParameters', 0, false)) {
    try {
      return JSON.parse(String(param<unknown>(ctx, 'commentJson', i, '')));
    } catch {
      throw new NodeOperationError(ctx.node.name, 'Document Format must be a valid JSON', { itemIndex: i });
    }
  }
  const text = param(ctx, 'comment', i, '');
  if (client.version !== 'cloud') return text;
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export async function runComment(ctx: ExecuteContext, client: JiraClient, operation: string, i: number): Promise<unknown> {
  const base = `/api/${api(client)}/issue/${param(ctx, 'issueKey', i, '')}/comment`;
  const commentId = () => param(ctx, 'commentId', i, '');
  switch (operation) {
    case 'add':
    case 'update': {
      const { expand, ...rest } = collection(ctx, 'options', i);
      const query: JsonObject = expand ? { expand } : {};
      // n8n puts the other options in the body when adding, in the query when updating.
      const body: JsonObject = operation === 'add' ? { ...rest } : {};
      if (operation === 'update') Object.assign(query, rest);
      body.body = commentBody(ctx, client, i) as JsonObject;
      return client.request({ method: operation === 'add' ? 'POST' : 'PUT', path: operation === 'add' ? base : `${base}/${commentId()}`, body, query }, i);
    }
    case 'get':
      return client.request({ method: 'GET', path: `${base}/${commentId()}`, query: collection(ctx, 'options', i) }, i);
    case 'getAll': {
      const query = collection(ctx, 'options', i);
      if (param(ctx, 'returnAll', i, false)) return client.requestAll('comments', { method: 'GET', path: base, query }, i);
      return ((await client.request({ method: 'GET', path: base, query: { ...query, maxResults: param(ctx, 'limit', i, 50) } }, i)) as JsonObject).comments;
    }
    case 'remove':
      await client.request({ method: 'DELETE', path: `${base}/${commentId()}` }, i);
      return { success: true };
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "issueComment" is not supported`, { itemIndex: i });
  }
}

function multipart(file: Buffer, fileName: string, contentType: string): { body: Buffer; contentType: string } {
  const boundary = `----weft${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName.replace(/"/g, '%22')}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  return { body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Attachments as items, with their bytes under `binaryProperty` when Download is on. */
async function withDownloads(ctx: ExecuteContext, client: JiraClient, attachments: JsonObject[], i: number): Promise<Item[]> {
  const download = param(ctx, 'download', 0, false);
  const property = param(ctx, 'binaryProperty', 0, 'data');
  const items: Item[] = [];
  for (const json of attachments) {
    const item: Item = { json };
    if (download) {
      const bytes = await client.request({ method: 'GET', url: String(json.content), raw: true }, i) as Buffer;
      item.binary = { [property]: prepareBinaryData(bytes, String(json.filename ?? 'file'), String(json.mimeType ?? 'application/octet-stream')) };
    }
    items.push(item);
  }
  return items;
}

export async function runAttachment(ctx: ExecuteContext, client: JiraClient, operation: string, i: number): Promise<unknown> {
  switch (operation) {
    case 'add': {
      const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[i], param(ctx, 'binaryPropertyName', i, 'data'), i);
      const issueKey = param(ctx, 'issueKey', i, '');
      return client.request({ method: 'POST', path: `/api/${api(client)}/issue/${issueKey}/attachments`, multipart: multipart(buffer, binary.fileName ?? 'file', binary.mimeType || 'application/octet-stream') }, i);
    }
    case 'get': {
      const attachment = await client.request({ method: 'GET', path: `/api/${api(client)}/attachment/${param(ctx, 'attachmentId', i, '')}` }, i) as JsonObject;
      return withDownloads(ctx, client, [attachment], i);
    }
    case 'getAll': {
      const issue = await client.request({ method: 'GET', path: `/api/2/issue/${param(ctx, 'issueKey', i, '')}` }, i) as JsonObject;
      let attachments = (((issue.fields as JsonObject | undefined)?.attachment ?? []) as JsonObject[]);
      if (!param(ctx, 'returnAll', i, false)) attachments = attachments.slice(0, param(ctx, 'limit', i, 50));
      return withDownloads(ctx, client, attachments, i);
    }
    case 'remove':
      await client.request({ method: 'DELETE', path: `/api/${api(client)}/attachment/${param(ctx, 'attachmentId', i, '')}` }, i);
      return { success: true };
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "issueAttachment" is not supported`, { itemIndex: i });
  }
}

export async function runUser(ctx: ExecuteContext, client: JiraClient, operation: string, i: number): Promise<unknown> {
  const path = `/api/${api(client)}/user`;
  switch (operation) {
    case 'create': {
      const body: JsonObject = { name: param(ctx, 'username', i, ''), emailAddress: param(ctx, 'emailAddress', i, ''), displayName: param(ctx, 'displayName', i, ''), ...collection(ctx, 'additionalFields', i) };
      return client.request({ method: 'POST', path, body }, i);
    }
    case 'delete':
      await client.request({ method: 'DELETE', path, query: { accountId: param(ctx, 'accountId', i, '') } }, i);
      return { success: true };
    case 'get': {
      const expand = collection(ctx, 'additionalFields', i).expand;
      const query: JsonObject = { accountId: param(ctx, 'accountId', i, '') };
      if (Array.isArray(expand) && expand.length) query.expand = expand.join(',');
      return client.request({ method: 'GET', path, query }, i);
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "user" is not supported`, { itemIndex: i });
  }
}
