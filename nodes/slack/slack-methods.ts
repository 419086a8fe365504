// The Slack node's (v2) editor methods: channels and users for its dropdowns and resource
// locators, read with every page of conversations.list / users.list and sorted by name, as n8n does.
import type { ExecuteContext, JsonObject, ListSearchPage, LoadedOption, NodeMethods } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { slackRequest, slackRequestAll } from './slack-api.ts';

interface Named { id: string; name: string }

async function listAll(ctx: ExecuteContext, property: string, path: string, query: JsonObject = {}): Promise<Named[]> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    const entries = await slackRequestAll({ ctx, transport, legacy: false }, property, 'GET', path, query);
    return (entries as JsonObject[]).map((entry) => ({ id: String(entry.id ?? ''), name: String(entry.name ?? '') }));
  } catch (error) {
    throw serviceCallError(ctx.node.name, error, 0);
  } finally {
    await transport.close();
  }
}

const channels = (ctx: ExecuteContext) => listAll(ctx, 'channels', '/conversations.list', { types: 'public_channel,private_channel', limit: 1000 });
const users = (ctx: ExecuteContext) => listAll(ctx, 'members', '/users.list');

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byNameIgnoringCase = (a: { name: string }, b: { name: string }) => byName({ name: a.name.toLowerCase() }, { name: b.name.toLowerCase() });

/** A locator's list: names containing the filter (any case), or the entry whose id is the filter. */
function searchPage(entries: Named[], filter?: string): ListSearchPage {
  const needle = filter?.toLowerCase();
  const results = entries
    .filter((entry) => !filter || entry.name.toLowerCase().includes(needle!) || entry.id === filter)
    .map((entry) => ({ name: entry.name, value: entry.id }))
    .sort(byNameIgnoringCase);
  return { results };
}

const options = (entries: Named[], value: (entry: Named) => string): LoadedOption[] =>
  entries.map((entry) => ({ name: entry.name, value: value(entry) })).sort(byName);

/** The team's custom profile fields (team.profile.get), by label, for v1's User Profile update. */
async function teamFields(ctx: ExecuteContext): Promise<LoadedOption[]> {
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  try {
    const answer = await slackRequest({ ctx, transport, legacy: true }, { method: 'GET', path: '/team.profile.get' });
    const fields = ((answer.profile as JsonObject | undefined)?.fields ?? []) as JsonObject[];
    return fields.map((field) => ({ name: String(field.label ?? field.id), value: String(field.id) }));
  } catch (error) {
    throw serviceCallError(ctx.node.name, error, 0);
  } finally {
    await transport.close();
  }
}

export const slackMethods: NodeMethods = {
  listSearch: {
    async getChannels(ctx, filter) { return searchPage(await channels(ctx), filter); },
    async getUsers(ctx, filter) { return searchPage(await users(ctx), filter); },
  },
  loadOptions: {
    async getUsers(ctx) { return options(await users(ctx), (user) => user.id); },
    async getChannels(ctx) { return options(await channels(ctx), (channel) => channel.id); },
    /** Channels by name, for the fields that take a channel's name rather than its id. */
    async getChannelsName(ctx) { return options(await channels(ctx), (channel) => channel.name); },
    getTeamFields: teamFields,
  },
};
