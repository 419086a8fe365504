// GitHub (n8n-nodes-base.github v1, 1.1): one REST call per item (Return All follows the pages),
// output as n8n's: the API's answer, one item per element for list operations, file:get as binary,
// release:delete as {success: true}, and issue:lock passing its input through.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { binaryBuffer, prepareBinaryData } from '../convert-to-file/binary-data.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { mimeTypeOf } from '../telegram/mime-types.ts';
import { githubRequest, githubRequestAll, githubServer, type GithubCall, type GithubConnection, type GithubRequest } from './github-api.ts';
import { githubCredentials, githubProperties } from './github.description.ts';
import { locatorValue } from './github-locator.ts';
import { githubMethods } from './github-methods.ts';
type JsonValue = unknown;

const DEFAULT_OPERATION: Record<string, string> = {
  file: 'create', issue: 'create', organization: 'getRepositories', release: 'create', repository: 'getIssues', review: 'create', user: 'getRepositories', workflow: 'dispatch',
};
/** Operations whose items are the input items (n8n outputs them unchanged). */
const PASS_THROUGH = ['issue:lock'];

const isBase64 = (text: string) => /^([0-9a-zA-Z+/]{4})*(([0-9a-zA-Z+/]{2}==)|([0-9a-zA-Z+/]{3}=))?$/.test(text);
const trimSlash = (path: string) => path.replace(/\/+$/, '');
const contentsPath = (owner: string, repository: string, filePath: string) => `/repos/${owner}/${repository}/contents/${encodeURIComponent(trimSlash(filePath))}`;

async function connection(ctx: ExecuteContext): Promise<GithubConnection> {
  if (param(ctx, 'authentication', 0, 'accessToken') === 'oAuth2') {
    const data = await ctx.credentials.get('githubOAuth2Api');
    const token = (data.oauthTokenData as JsonObject | undefined)?.access_token;
    if (typeof token !== 'string' || !token) {
      throw new NodeOperationError(ctx.node.name, 'The GitHub OAuth2 credential has no access token', { description: 'Connect the credential first' });
    }
    return { server: githubServer(data), token };
  }
  const data = await ctx.credentials.get('githubApi');
  return { server: githubServer(data), token: String(data.accessToken ?? '') };
}

function inputsJson(ctx: ExecuteContext, itemIndex: number): JsonObject {
  const raw = param<unknown>(ctx, 'inputs', itemIndex, '{}');
  if (raw && typeof raw === 'object') return raw as JsonObject;
  try {
    return JSON.parse(String(raw)) as JsonObject;
  } catch {
    throw new NodeOperationError(ctx.node.name, 'Inputs: Invalid JSON', { itemIndex });
  }
}

/** The commit's author, committer and branch from the file operations' Additional Parameters. */
function commitFields(ctx: ExecuteContext, itemIndex: number): JsonObject {
  const extra = collection(ctx, 'additionalParameters', itemIndex);
  const body: JsonObject = {};
  if (extra.author) body.author = extra.author;
  if (extra.committer) body.committer = extra.committer;
  const branch = (extra.branch as JsonObject | undefined)?.branch;
  if (branch) body.branch = branch;
  return body;
}

async function fileSha(call: GithubCall, conn: GithubConnection, path: string, branch: JsonValue | undefined): Promise<string> {
  const answer = await githubRequest(call, conn, { method: 'GET', endpoint: path, query: branch ? { ref: branch } : {} }) as JsonObject;
  if (typeof answer?.sha !== 'string') throw new NodeOperationError(call.nodeName, 'Could not get the SHA of the file.', { itemIndex: call.itemIndex });
  return answer.sha;
}

/** A list operation: Return All reads every page, else one page of `limit`. */
function listing(ctx: ExecuteContext, endpoint: string, query: JsonObject = {}): GithubRequest & { all: boolean } {
  const all = param(ctx, 'returnAll', 0, false);
  return { method: 'GET', endpoint, query: all ? query : { ...query, per_page: param(ctx, 'limit', 0, 50) }, all };
}

async function buildRequest(ctx: ExecuteContext, call: GithubCall, conn: GithubConnection, resource: string, operation: string, i: number): Promise<GithubRequest & { all?: boolean }> {
  const op = `${resource}:${operation}`;
  const owner = op === 'user:invite' || op === 'user:getUserIssues' ? '' : locatorValue('owner', param<unknown>(ctx, 'owner', i, ''));
  const noRepository = ['user:getRepositories', 'user:getUserIssues', 'user:invite', 'organization:getRepositories'].includes(op);
  const repository = noRepository ? '' : locatorValue('repository', param<unknown>(ctx, 'repository', i, ''));
  const repo = `/repos/${owner}/${repository}`;
  const workflowId = () => locatorValue('workflowId', param<unknown>(ctx, 'workflowId', i, ''));
  switch (op) {
    case 'file:create': case 'file:edit': {
      const filePath = param(ctx, 'filePath', i, '');
      const body = commitFields(ctx, i);
      if (operation === 'edit') body.sha = await fileSha(call, conn, contentsPath(owner, repository, filePath), body.branch);
      body.message = param(ctx, 'commitMessage', i, '');
      if (param(ctx, 'binaryData', i, false)) {
        body.content = binaryBuffer(ctx.node.name, ctx.getInputData()[i], param(ctx, 'binaryPropertyName', i, 'data'), i).buffer.toString('base64');
      } else {
        const text = param(ctx, 'fileContent', i, '');
        body.content = isBase64(text) ? text : Buffer.from(text).toString('base64');
      }
      return { method: 'PUT', endpoint: contentsPath(owner, repository, filePath), body };
    }
    case 'file:delete': {
      const filePath = param(ctx, 'filePath', i, '');
      const body = commitFields(ctx, i);
      body.message = param(ctx, 'commitMessage', i, '');
      body.sha = await fileSha(call, conn, contentsPath(owner, repository, filePath), body.branch);
      return { method: 'DELETE', endpoint: contentsPath(owner, repository, filePath), body };
    }
    case 'file:get': {
      const reference = collection(ctx, 'additionalParameters', i).reference;
      return { method: 'GET', endpoint: contentsPath(owner, repository, param(ctx, 'filePath', i, '')), query: reference ? { ref: reference } : {} };
    }
    case 'file:list': return { method: 'GET', endpoint: contentsPath(owner, repository, param(ctx, 'filePath', i, '')) };
    case 'issue:create': {
      const labels = param<unknown>(ctx, 'labels', i, []);
      const assignees = param<unknown>(ctx, 'assignees', i, []);
      return { method: 'POST', endpoint: `${repo}/issues`, body: {
        title: param(ctx, 'title', i, ''), body: param(ctx, 'body', i, ''),
        labels: (Array.isArray(labels) ? labels : [labels]).map((entry) => (entry as JsonObject)?.label ?? null),
        assignees: (Array.isArray(assignees) ? assignees : [assignees]).map((entry) => (entry as JsonObject)?.assignee ?? null),
      } };
    }
    case 'issue:createComment': return { method: 'POST', endpoint: `${repo}/issues/${param(ctx, 'issueNumber', i, 0)}/comments`, body: { body: param(ctx, 'body', i, '') } };
    case 'issue:edit': {
      const body = { ...collection(ctx, 'editFields', i) };
      if (body.labels !== undefined) body.labels = (body.labels as JsonObject[]).map((entry) => entry.label ?? null);
      if (body.assignees !== undefined) body.assignees = (body.assignees as JsonObject[]).map((entry) => entry.assignee ?? null);
      return { method: 'PATCH', endpoint: `${repo}/issues/${param(ctx, 'issueNumber', i, 0)}`, body };
    }
    case 'issue:get': return { method: 'GET', endpoint: `${repo}/issues/${param(ctx, 'issueNumber', i, 0)}` };
    case 'issue:lock': return { method: 'PUT', endpoint: `${repo}/issues/${param(ctx, 'issueNumber', i, 0)}/lock`, query: { lock_reason: param(ctx, 'lockReason', i, 'resolved') } };
    case 'release:create': return { method: 'POST', endpoint: `${repo}/releases`, body: { ...collection(ctx, 'additionalFields', i), tag_name: param(ctx, 'releaseTag', i, '') } };
    case 'release:delete': return { method: 'DELETE', endpoint: `${repo}/releases/${param(ctx, 'release_id', i, '')}` };
    case 'release:get': return { method: 'GET', endpoint: `${repo}/releases/${param(ctx, 'release_id', i, '')}` };
    case 'release:getAll': return listing(ctx, `${repo}/releases`);
    case 'release:update': return { method: 'PATCH', endpoint: `${repo}/releases/${param(ctx, 'release_id', i, '')}`, body: collection(ctx, 'additionalFields', i) };
    case 'repository:get': return { method: 'GET', endpoint: repo };
    case 'repository:getLicense': return { method: 'GET', endpoint: `${repo}/license` };
    case 'repository:getProfile': return { method: 'GET', endpoint: `${repo}/community/profile` };
    case 'repository:listPopularPaths': return { method: 'GET', endpoint: `${repo}/traffic/popular/paths` };
    case 'repository:listReferrers': return { method: 'GET', endpoint: `${repo}/traffic/popular/referrers` };
    case 'repository:getIssues': return listing(ctx, `${repo}/issues`, collection(ctx, 'getRepositoryIssuesFilters', i));
    case 'repository:getPullRequests': return listing(ctx, `${repo}/pulls`, collection(ctx, 'getRepositoryPullRequestsFilters', i));
    case 'review:get': return { method: 'GET', endpoint: `${repo}/pulls/${param(ctx, 'pullRequestNumber', i, 0)}/reviews/${param(ctx, 'reviewId', i, '')}` };
    case 'review:getAll': return listing(ctx, `${repo}/pulls/${param(ctx, 'pullRequestNumber', i, 0)}/reviews`);
    case 'review:create': {
      const event = param(ctx, 'event', i, 'approve').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
      const body: JsonObject = { ...collection(ctx, 'additionalFields', i), event };
      if (event === 'REQUEST_CHANGES' || event === 'COMMENT') body.body = param(ctx, 'body', i, '');
      return { method: 'POST', endpoint: `${repo}/pulls/${param(ctx, 'pullRequestNumber', i, 0)}/reviews`, body };
    }
    case 'review:update': return { method: 'PUT', endpoint: `${repo}/pulls/${param(ctx, 'pullRequestNumber', i, 0)}/reviews/${param(ctx, 'reviewId', i, '')}`, body: { body: param(ctx, 'body', i, '') } };
    case 'user:getRepositories': return listing(ctx, `/users/${owner}/repos`);
    case 'user:getUserIssues': return listing(ctx, '/issues', collection(ctx, 'getUserIssuesFilters', i));
    case 'user:invite': return { method: 'POST', endpoint: `/orgs/${param(ctx, 'organization', i, '')}/invitations`, body: { email: param(ctx, 'email', i, '') } };
    case 'organization:getRepositories': return listing(ctx, `/orgs/${owner}/repos`);
    case 'workflow:disable': return { method: 'PUT', endpoint: `${repo}/actions/workflows/${workflowId()}/disable` };
    case 'workflow:enable': return { method: 'PUT', endpoint: `${repo}/actions/workflows/${workflowId()}/enable` };
    case 'workflow:get': return { method: 'GET', endpoint: `${repo}/actions/workflows/${workflowId()}` };
    case 'workflow:getUsage': return { method: 'GET', endpoint: `${repo}/actions/workflows/${workflowId()}/timing` };
    case 'workflow:list': return { method: 'GET', endpoint: `${repo}/actions/workflows` };
    case 'workflow:dispatch': {
      const inputs = inputsJson(ctx, i);
      return { method: 'POST', endpoint: `${repo}/actions/workflows/${workflowId()}/dispatches`, body: { ref: locatorValue('ref', param<unknown>(ctx, 'ref', i, 'main')), inputs } };
    }
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of the resource "${resource}" is not supported`, { itemIndex: i });
  }
}

async function runItem(ctx: ExecuteContext, call: GithubCall, conn: GithubConnection, resource: string, operation: string, item: Item, i: number): Promise<Item[]> {
  const request = await buildRequest(ctx, call, conn, resource, operation, i);
  const answer = request.all ? await githubRequestAll(call, conn, request) : await githubRequest(call, conn, request);
  const op = `${resource}:${operation}`;
  const paired = { item: i };
  if (op === 'file:get' && param(ctx, 'asBinaryProperty', i, true)) {
    if (Array.isArray(answer)) throw new NodeOperationError(ctx.node.name, 'File Path is a folder, not a file.', { itemIndex: i });
    const { content, path } = answer as JsonObject;
    const fileName = String(path ?? '').split('/').pop() ?? '';
    const data = prepareBinaryData(Buffer.from(String(content ?? ''), 'base64'), fileName, mimeTypeOf(fileName));
    return [{ json: item.json, binary: { ...(item.binary ?? {}), [param(ctx, 'binaryPropertyName', i, 'data')]: data }, pairedItem: paired }];
  }
  if (PASS_THROUGH.includes(op)) return [item];
  if (op === 'release:delete') return [{ json: { success: true }, pairedItem: paired }];
  const list = Array.isArray(answer) ? answer : [answer];
  return list.map((entry) => ({ json: (entry && typeof entry === 'object' && !Array.isArray(entry) ? entry : { value: entry }) as JsonObject, pairedItem: paired }));
}

export const githubNode: NodeType = {
  methods: githubMethods,
  description: {
    name: 'n8n-nodes-base.github',
    displayName: 'GitHub',
    icon: 'fa:code-branch',
    group: ['input'],
    version: [1, 1.1],
    description: 'Consume GitHub API',
    defaults: { name: 'GitHub' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: githubCredentials,
    properties: githubProperties,
  },
  async execute(ctx) {
    const items = ctx.getInputData();
    const resource = param(ctx, 'resource', 0, 'issue');
    const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'create');
    if (resource === 'workflow' && operation === 'dispatchAndWait') {
      // n8n parks the run until the GitHub workflow calls the execution's resume URL; Weft's runs have no such URL yet.
      throw new NodeOperationError(ctx.node.name, 'The operation "dispatchAndWait" (Dispatch and Wait for Completion) is not supported in Weft', {
        description: 'Weft cannot resume a run from a webhook call yet. Use "Dispatch", and let the GitHub workflow call a Webhook trigger of another workflow when it is done.',
      });
    }
    const conn = await connection(ctx);
    const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
    const output: Item[] = [];
    try {
      for (let i = 0; i < items.length; i++) {
        const call: GithubCall = { transport, signal: ctx.signal, blockPrivateNetworks: ctx.blockPrivateNetworks, nodeName: ctx.node.name, itemIndex: i };
        try {
          output.push(...(await runItem(ctx, call, conn, resource, operation, items[i], i)));
        } catch (error) {
          if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
          const message = serviceCallError(ctx.node.name, error, i).message;
          output.push(PASS_THROUGH.includes(`${resource}:${operation}`) ? { ...items[i], json: { error: message } } : { json: { error: message }, pairedItem: { item: i } });
        }
      }
    } finally {
      await transport.close();
    }
    return [output];
  },
};
