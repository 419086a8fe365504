// Jira Software (n8n-nodes-base.jira v1) on Jira's REST API, Cloud or Server (jiraVersion): issues,
// issue comments, issue attachments and users. Each item runs the chosen operation; the answer
// becomes one item per entry (lists) or one item, paired with its input.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type ListSearchPage, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { jiraClient, type JiraClient } from './jira-api.ts';
import { rl, runIssue } from './jira-issue.ts';
import { runAttachment, runComment, runUser } from './jira-others.ts';
import { jiraCredentials, jiraProperties } from './jira.description.ts';

type Run = (ctx: ExecuteContext, client: JiraClient, operation: string, i: number) => Promise<unknown>;
const BY_RESOURCE: Record<string, Run> = { issue: runIssue, issueComment: runComment, issueAttachment: runAttachment, user: runUser };
const DEFAULT_OPERATION: Record<string, string> = { issue: 'create', issueComment: 'add', issueAttachment: 'add', user: 'create' };

const isItem = (value: unknown): value is Item => !!value && typeof value === 'object' && 'json' in value && typeof (value as Item).json === 'object';

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const resource = param(ctx, 'resource', 0, 'issue');
  const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'create');
  const handler = BY_RESOURCE[resource];
  if (!handler) throw new NodeOperationError(ctx.node.name, `The resource "${resource}" is not known!`);
  const client = jiraClient(ctx);
  const output: Item[] = [];
  try {
    const items = ctx.getInputData();
    for (let i = 0; i < items.length; i++) {
      try {
        const answer = await handler(ctx, client, operation, i);
        for (const entry of Array.isArray(answer) ? answer : [answer ?? {}]) {
          output.push(isItem(entry) ? { ...entry, pairedItem: { item: i } } : { json: (entry && typeof entry === 'object' ? entry : { data: entry }) as JsonObject, pairedItem: { item: i } });
        }
      } catch (error) {
        if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
        output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await client.close();
  }
  return [output];
}

/** n8n's filterSortSearchListItems: entries whose name or value holds the filter, by name. */
function filtered(results: ListSearchPage['results'], filter?: string): ListSearchPage {
  const f = filter?.toLowerCase();
  return { results: results.filter((r) => !f || r.name.toLowerCase().includes(f) || String(r.value).toLowerCase().includes(f)).sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase())) };
}

async function withClient<T>(ctx: ExecuteContext, use: (client: JiraClient) => Promise<T>): Promise<T> {
  const client = jiraClient(ctx);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const jiraNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.jira',
    displayName: 'Jira Software',
    icon: 'fa:bug',
    group: ['output'],
    version: [1],
    description: 'Consume Jira Software API',
    defaults: { name: 'Jira Software' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: jiraCredentials,
    properties: jiraProperties,
  },
  execute,
  methods: {
    listSearch: {
      getProjects: (ctx, filter) => withClient(ctx, async (client) => {
        const projects = client.version === 'cloud'
          ? await client.requestAll('values', { method: 'GET', path: '/api/2/project/search' })
          : (await client.request({ method: 'GET', path: '/api/2/project' }) as JsonObject[]);
        return filtered(projects.map((p) => ({ name: String(p.name), value: String(p.id) })), filter);
      }),
      getIssueTypes: (ctx) => withClient(ctx, async (client) => {
        const project = await client.request({ method: 'GET', path: `/api/2/project/${rl(param<unknown>(ctx, 'project', 0, ''))}` }) as JsonObject;
        return { results: ((project.issueTypes ?? []) as JsonObject[]).map((t) => ({ name: String(t.name), value: String(t.id) })).sort(byName) };
      }),
      getUsers: (ctx, filter) => withClient(ctx, async (client) => {
        const users = client.version === 'cloud'
          ? await client.request({ method: 'GET', path: '/api/2/users/search' })
          : await client.request({ method: 'GET', path: '/api/2/user/search', query: { username: "'" } });
        const active = ((Array.isArray(users) ? users : []) as JsonObject[]).filter((u) => u.active);
        return filtered(active.map((u) => ({ name: String(u.displayName), value: String(u.accountId ?? u.name) })), filter);
      }),
      getPriorities: (ctx) => withClient(ctx, async (client) => {
        const priorities = await client.request({ method: 'GET', path: '/api/2/priority' }) as JsonObject[];
        return { results: priorities.map((p) => ({ name: String(p.name), value: String(p.id) })).sort(byName) };
      }),
    },
    loadOptions: {
      getLabels: (ctx) => withClient(ctx, async (client) => {
        const labels = await client.request({ method: 'GET', path: '/api/2/label' }) as JsonObject;
        return ((labels.values ?? []) as string[]).map((label) => ({ name: label, value: label })).sort(byName);
      }),
    },
  },
};
