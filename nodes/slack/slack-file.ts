// The file resource of Slack v2. Uploads follow n8n: up to v2.1 the old files.upload (multipart for
// binary data, a form for text content); from v2.2 Slack's external upload flow
// (files.getUploadURLExternal, the bytes to the URL it gives, files.completeUploadExternal).
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { binaryBuffer } from '../convert-to-file/binary-data.ts';
import { collection, param } from '../shared/params.ts';
import { slackRequest, slackRequestAll, type SlackClient } from './slack-api.ts';

async function upload(client: SlackClient, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const version = ctx.node.typeVersion;
  const options = collection(ctx, 'options', itemIndex);
  const body: JsonObject = {};
  if (options.channelIds) body.channels = (Array.isArray(options.channelIds) ? options.channelIds : [options.channelIds]).join(',');
  if (options.channelId) body.channel_id = options.channelId;
  if (options.initialComment) body.initial_comment = options.initialComment;
  if (options.threadTs) body.thread_ts = options.threadTs;
  if (options.title && version <= 2.1) body.title = options.title;
  if (options.fileName && client.legacy) body.filename = options.fileName;
  if (!param(ctx, 'binaryData', itemIndex, false) && version <= 2.1) {
    body.content = param<unknown>(ctx, 'fileContent', itemIndex, '');
    return (await slackRequest(client, { method: 'POST', path: '/files.upload', form: body })).file;
  }
  const property = param(ctx, 'binaryPropertyName', itemIndex, 'data');
  const { buffer, binary } = binaryBuffer(ctx.node.name, ctx.getInputData()[itemIndex], property, itemIndex);
  const file = { field: 'file', data: buffer, fileName: binary.fileName, contentType: binary.mimeType };
  if (version <= 2.1) {
    return (await slackRequest(client, { method: 'POST', path: '/files.upload', multipart: { fields: body, files: [file] } })).file;
  }
  const target = await slackRequest(client, {
    method: 'GET', path: '/files.getUploadURLExternal', query: { filename: (options.fileName as string) || binary.fileName, length: buffer.length },
  });
  if (typeof target.upload_url !== 'string') throw new NodeOperationError(ctx.node.name, 'Slack gave no upload URL for the file', { itemIndex });
  await slackRequest(client, { method: 'POST', path: target.upload_url, multipart: { fields: {}, files: [file] } });
  body.files = [{ id: target.file_id, title: options.title || binary.fileName }];
  return (await slackRequest(client, { method: 'POST', path: '/files.completeUploadExternal', json: body })).files;
}

export async function runFileOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  switch (operation) {
    case 'upload':
      return upload(client, itemIndex);
    case 'get':
      return (await slackRequest(client, { method: 'GET', path: '/files.info', query: { file: param<unknown>(ctx, 'fileId', itemIndex, '') as string } })).file;
    case 'getAll': {
      const filters = collection(ctx, 'filters', itemIndex);
      const qs: JsonObject = {};
      if (filters.channelId) qs.channel = filters.channelId;
      if (filters.showFilesHidden) qs.show_files_hidden_by_limit = filters.showFilesHidden;
      if (filters.tsFrom) qs.ts_from = filters.tsFrom;
      if (filters.tsTo) qs.ts_to = filters.tsTo;
      if (filters.types) qs.types = (Array.isArray(filters.types) ? filters.types : [filters.types]).join(',');
      if (filters.userId) qs.user = filters.userId;
      if (param(ctx, 'returnAll', itemIndex, false)) return slackRequestAll(client, 'files', 'GET', '/files.list', qs);
      return (await slackRequest(client, { method: 'GET', path: '/files.list', query: { ...qs, count: param(ctx, 'limit', itemIndex, 50) } })).files;
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "file" is not supported`, { itemIndex });
  }
}
