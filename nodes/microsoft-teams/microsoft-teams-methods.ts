// What the editor asks of the Teams node: v2's resource locator lists (listSearch) and v1's
// dropdowns (loadOptions), both read from Microsoft Graph with the node's credential.
import type { ExecuteContext, JsonObject, ListSearchPage, LoadedOption, NodeMethods } from '../../engine/index.ts';
import { graphRequest, segment, withTeamsClient, type TeamsClient } from './microsoft-teams-api.ts';
import { locatorValue } from './microsoft-teams-locators.ts';

type Entry = { name: string; value: string; url?: string; description?: string };
type Lister = (client: TeamsClient, ctx: ExecuteContext) => Promise<Entry[]>;

const valuesOf = async (client: TeamsClient, path: string, query: JsonObject = {}) => ((await graphRequest(client, 'GET', path, { query })).value ?? []) as JsonObject[];
const current = (ctx: ExecuteContext, name: string) => locatorValue(ctx.getNodeParameter(name, 0, ''));
const operation = (ctx: ExecuteContext) => String(ctx.getNodeParameter('operation', 0, ''));
/** A parameter of the task, or (updating a task) the one picked among the update fields. */
const taskParameter = (ctx: ExecuteContext, name: string) => current(ctx, name) || (operation(ctx) === 'update' ? current(ctx, `updateFields.${name}`) : '');
const isV1 = (ctx: ExecuteContext) => ctx.node.typeVersion < 2;

const teams: Lister = async (client) => (await valuesOf(client, '/v1.0/me/joinedTeams')).map((t) => ({ name: String(t.displayName), value: String(t.id) }));

const channels: Lister = async (client, ctx) => {
  // The General channel can be neither deleted nor renamed: v2 leaves it out of those lists.
  const skipGeneral = !isV1(ctx) && (operation(ctx) === 'deleteChannel' || (operation(ctx) === 'update' && String(ctx.getNodeParameter('resource', 0, '')) === 'channel'));
  return (await valuesOf(client, `/v1.0/teams/${segment(current(ctx, 'teamId'))}/channels`))
    .filter((c) => !(skipGeneral && c.displayName === 'General'))
    .map((c) => ({ name: String(c.displayName), value: String(c.id), ...(typeof c.webUrl === 'string' ? { url: c.webUrl } : {}) }));
};

/** A chat by its topic, else its members' names, and its type (n8n's naming). */
const chats: Lister = async (client) => (await valuesOf(client, '/v1.0/chats', { $expand: 'members' })).map((chat) => {
  const members = ((chat.members ?? []) as JsonObject[]).map((m) => m.displayName).filter(Boolean).join(', ');
  const topic = chat.topic || members;
  return { name: `${topic || `(no title) - ${String(chat.id)}`} (${String(chat.chatType)})`, value: String(chat.id), ...(typeof chat.webUrl === 'string' ? { url: chat.webUrl } : {}) };
});

const groups: Lister = async (client, ctx) => {
  // v1 lists the user's own groups when the Group Source says so; v2 always lists them all.
  const mine = isV1(ctx) && String(ctx.getNodeParameter('groupSource', 0, 'all')) === 'mine';
  const list = await valuesOf(client, mine ? '/v1.0/me/transitiveMemberOf' : '/v1.0/groups');
  return list.filter((g) => isV1(ctx) || g.displayName !== 'All Company').filter((g) => g.displayName || g.mail || isV1(ctx))
    .map((g) => ({ name: String(g.displayName || g.mail || g.id), value: String(g.id), ...(isV1(ctx) && g.mail ? { description: String(g.mail) } : {}) }));
};

const plans: Lister = async (client, ctx) => (await valuesOf(client, `/v1.0/groups/${segment(taskParameter(ctx, 'groupId'))}/planner/plans`))
  .map((p) => ({ name: String(p.title), value: String(p.id) }));
const buckets: Lister = async (client, ctx) => (await valuesOf(client, `/v1.0/planner/plans/${segment(taskParameter(ctx, 'planId'))}/buckets`))
  .map((b) => ({ name: String(b.name), value: String(b.id) }));
const members: Lister = async (client, ctx) => (await valuesOf(client, `/v1.0/groups/${segment(taskParameter(ctx, 'groupId'))}/members`))
  .map((m) => ({ name: String(m.displayName), value: String(m.id) }));
/** A plan's labels: its category descriptions that are set. */
const labels: Lister = async (client, ctx) => {
  const details = await graphRequest(client, 'GET', `/v1.0/planner/plans/${segment(taskParameter(ctx, 'planId'))}/details`);
  return Object.entries((details.categoryDescriptions ?? {}) as JsonObject).filter(([, name]) => name !== null && name !== undefined)
    .map(([key, name]) => ({ name: String(name), value: key }));
};

/** A locator list: filtered by name or id and sorted by name, as n8n's filterSortSearchListItems. */
const search = (lister: Lister) => (ctx: ExecuteContext, filter?: string): Promise<ListSearchPage> => withTeamsClient(ctx, async (client) => {
  const needle = filter?.toLowerCase();
  const results = (await lister(client, ctx))
    .filter((e) => !needle || e.name.toLowerCase().includes(needle) || e.value.toLowerCase().includes(needle))
    .sort((a, b) => a.name.toLocaleLowerCase().localeCompare(b.name.toLocaleLowerCase()))
    .map(({ name, value, url }) => ({ name, value, ...(url ? { url } : {}) }));
  return { results };
});
const options = (lister: Lister) => (ctx: ExecuteContext): Promise<LoadedOption[]> => withTeamsClient(ctx, async (client) =>
  (await lister(client, ctx)).map(({ name, value, description }) => ({ name, value, ...(description ? { description } : {}) })));

export const teamsMethods: NodeMethods = {
  listSearch: { getTeams: search(teams), getChannels: search(channels), getChats: search(chats), getGroups: search(groups), getPlans: search(plans), getBuckets: search(buckets), getMembers: search(members) },
  loadOptions: {
    getTeams: options(teams), getChannels: options(channels), getChats: options(chats), getGroups: options(groups), getPlans: options(plans),
    getBuckets: options(buckets), getMembers: options(members), getLabels: options(labels),
  },
};
