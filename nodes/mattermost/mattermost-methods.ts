// The Mattermost node's editor methods: channels, a team's channels, teams and users, skipping
// archived (deleted) entries and sorted by name, as n8n lists them.
import { NodeOperationError, type ExecuteContext, type JsonObject, type LoadedOption, type NodeMethods } from '../../engine/index.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import { mattermostClient, mattermostRequest, mattermostRequestAll, type MattermostClient } from './mattermost-api.ts';

/** Runs `fn` with a client whose transport is closed afterwards. */
async function withClient<T>(ctx: ExecuteContext, fn: (client: MattermostClient) => Promise<T>): Promise<T> {
  const client = await mattermostClient(ctx);
  try {
    return await fn(client);
  } catch (error) {
    throw error instanceof NodeOperationError ? error : serviceCallError(ctx.node.name, error, 0);
  } finally {
    await client.transport.close();
  }
}

/** Endpoints that answer the whole list at once (no page/per_page in Mattermost's reference). */
async function whole(client: MattermostClient, endpoint: string): Promise<JsonObject[]> {
  const answer = await mattermostRequest(client, 'GET', endpoint);
  return Array.isArray(answer) ? (answer as JsonObject[]) : [];
}

const live = (entry: JsonObject) => !entry.delete_at;
const sorted = (options: LoadedOption[]) => options.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const CHANNEL_TYPES: Record<string, string> = { D: 'direct', G: 'group', O: 'public', P: 'private' };

export const mattermostMethods: NodeMethods = {
  loadOptions: {
    /** All channels across teams (an admin's view), or the user's own channels when that is not allowed. */
    async getChannels(ctx) {
      const channels = await withClient(ctx, async (client) => {
        try {
          return (await mattermostRequestAll(client, 'GET', 'channels')) as JsonObject[];
        } catch {
          return whole(client, 'users/me/channels');
        }
      });
      return sorted(channels.filter((c) => live(c) && c.display_name && c.name).map((c) => ({
        name: `${String(c.team_display_name)} - ${String(c.display_name || c.name)} (${c.type === 'O' ? 'public' : 'private'})`,
        value: String(c.id),
      })));
    },
    async getChannelsInTeam(ctx) {
      const teamId = String(param(ctx, 'teamId', 0, ''));
      const channels = await withClient(ctx, (client) => whole(client, `users/me/teams/${encodeURIComponent(teamId)}/channels`));
      return sorted(channels.filter((c) => live(c) && c.display_name && c.name).map((c) => ({
        name: `${String(c.display_name)} (${CHANNEL_TYPES[String(c.type)] ?? 'undefined'})`,
        value: String(c.id),
      })));
    },
    async getTeams(ctx) {
      const teams = await withClient(ctx, (client) => whole(client, 'users/me/teams'));
      return sorted(teams.filter(live).map((t) => ({ name: `${String(t.display_name)} (${t.type === 'O' ? 'public' : 'private'})`, value: String(t.id) })));
    },
    async getUsers(ctx) {
      const users = (await withClient(ctx, (client) => mattermostRequestAll(client, 'GET', 'users'))) as JsonObject[];
      return sorted(users.filter(live).map((u) => ({ name: String(u.username), value: String(u.id) })));
    },
  },
};
