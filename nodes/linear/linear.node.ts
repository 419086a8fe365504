// Linear (n8n-nodes-base.linear v1, v1.1) on Linear's GraphQL API: issues (create, get, get many
// with cursor paging, update, delete, add link) and comments (add). Each item runs the chosen
// operation; the answer becomes one item per entry (lists) or one item, paired with its input.
import { NodeOperationError, type ExecuteContext, type Item, type JsonObject, type NodeType } from '../../engine/index.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { collection, param } from '../shared/params.ts';
import { linearRequest, linearRequestAll } from './linear-api.ts';
import { linearCredentials, linearProperties } from './linear.description.ts';
import { linearQueries as q } from './linear-queries.ts';

const dataOf = (answer: JsonObject) => (answer.data ?? {}) as JsonObject;

async function runIssue(ctx: ExecuteContext, operation: string, i: number): Promise<unknown> {
  switch (operation) {
    case 'create': {
      const variables = { teamId: param(ctx, 'teamId', i, ''), title: param(ctx, 'title', i, ''), ...collection(ctx, 'additionalFields', i) };
      return (dataOf(await linearRequest(ctx, q.createIssue, variables, i)).issueCreate as JsonObject | undefined)?.issue;
    }
    case 'delete':
      return dataOf(await linearRequest(ctx, q.deleteIssue, { issueId: param(ctx, 'issueId', i, '') }, i)).issueDelete;
    case 'get':
      return dataOf(await linearRequest(ctx, q.getIssue, { issueId: param(ctx, 'issueId', i, '') }, i)).issue;
    case 'getAll':
      // As in n8n, the limit is read from the first item.
      return linearRequestAll(ctx, 'issues', q.getIssues, {}, i, param(ctx, 'returnAll', i, false) ? undefined : param(ctx, 'limit', 0, 50));
    case 'update': {
      const variables = { issueId: param(ctx, 'issueId', i, ''), ...collection(ctx, 'updateFields', i) };
      return (dataOf(await linearRequest(ctx, q.updateIssue, variables, i)).issueUpdate as JsonObject | undefined)?.issue;
    }
    case 'addLink':
      return dataOf(await linearRequest(ctx, q.addIssueLink, { issueId: param(ctx, 'issueId', i, ''), url: param(ctx, 'link', i, '') }, i)).attachmentLinkURL;
    default:
      throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "issue" is not supported`, { itemIndex: i });
  }
}

async function runComment(ctx: ExecuteContext, operation: string, i: number): Promise<unknown> {
  if (operation !== 'addComment') throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "comment" is not supported`, { itemIndex: i });
  const variables: JsonObject = { issueId: param(ctx, 'issueId', i, ''), body: param(ctx, 'comment', i, '') };
  const parentId = collection(ctx, 'additionalFields', i).parentId;
  if (typeof parentId === 'string' && parentId.trim() !== '') variables.parentId = parentId;
  return dataOf(await linearRequest(ctx, q.addComment, variables, i)).commentCreate;
}

function toItems(answer: unknown, i: number): Item[] {
  const entries = Array.isArray(answer) ? answer : [answer ?? {}];
  return entries.map((json) => ({ json: (json && typeof json === 'object' ? json : { data: json }) as JsonObject, pairedItem: { item: i } }));
}

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const resource = param(ctx, 'resource', 0, 'issue');
  const operation = param(ctx, 'operation', 0, resource === 'comment' ? 'addComment' : 'create');
  const output: Item[] = [];
  const items = ctx.getInputData();
  for (let i = 0; i < items.length; i++) {
    try {
      const answer = resource === 'comment' ? await runComment(ctx, operation, i) : await runIssue(ctx, operation, i);
      output.push(...toItems(answer, i));
    } catch (error) {
      if (!ctx.continueOnFail()) throw serviceCallError(ctx.node.name, error, i);
      output.push({ json: { error: errorMessage(error) }, pairedItem: { item: i } });
    }
  }
  return [output];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.toLocaleLowerCase().localeCompare(b.name.toLocaleLowerCase());
const options = (nodes: JsonObject[]) => nodes.map((node) => ({ name: String(node.name ?? ''), value: String(node.id ?? '') }));

/** The team whose states to list: the chosen team, the update's new team, or the issue's own team. */
async function teamForStates(ctx: ExecuteContext): Promise<string> {
  const teamId = param<unknown>(ctx, 'teamId', 0, '');
  if (teamId) return String(teamId);
  const updateFields = collection(ctx, 'updateFields', 0);
  if (updateFields.teamId) return String(updateFields.teamId);
  const answer = await linearRequest(ctx, q.issueTeam, { issueId: param(ctx, 'issueId', 0, '') });
  return String((((dataOf(answer).issue as JsonObject | undefined)?.team as JsonObject | undefined)?.id) ?? '');
}

export const linearNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.linear',
    displayName: 'Linear',
    icon: 'fa:tasks',
    group: ['output'],
    version: [1, 1.1],
    description: 'Consume Linear API',
    defaults: { name: 'Linear' },
    inputs: ['main'],
    outputs: ['main'],
    credentials: linearCredentials,
    properties: linearProperties,
  },
  execute,
  methods: {
    loadOptions: {
      getTeams: async (ctx) => options(await linearRequestAll(ctx, 'teams', q.teams, {})),
      getUsers: async (ctx) => options(await linearRequestAll(ctx, 'users', q.users, {})),
      getStates: async (ctx) => {
        const teamId = await teamForStates(ctx);
        return options(await linearRequestAll(ctx, 'workflowStates', q.states, { filter: { team: { id: { eq: teamId } } } })).sort(byName);
      },
    },
  },
};
