// Slack v1's User Profile resource: users.profile.get with the added fields as arguments, and
// users.profile.set with the added fields as the `profile` object (custom fields keyed by their ID,
// the status expiry as UNIX seconds in the workflow's time zone, 0 for none). Both output the profile.
import { DateTime } from 'luxon';
import { NodeOperationError, type JsonObject } from '../../engine/index.ts';
import { collection } from '../shared/params.ts';
import { slackRequest, type SlackClient } from './slack-api.ts';

function expirySeconds(value: unknown, zone: string): number {
  if (value === undefined || value === '' || value === null) return 0;
  const parsed = typeof value === 'number' ? DateTime.fromMillis(value, { zone }) : DateTime.fromISO(String(value), { zone });
  return parsed.isValid ? Math.floor(parsed.toSeconds()) : 0;
}

export async function runV1UserProfileOperation(client: SlackClient, operation: string, itemIndex: number): Promise<unknown> {
  const { ctx } = client;
  const fields = collection(ctx, 'additionalFields', itemIndex);
  if (operation === 'get') return (await slackRequest(client, { method: 'POST', path: '/users.profile.get', query: fields })).profile;
  if (operation !== 'update') throw new NodeOperationError(ctx.node.name, `The operation "${operation}" of resource "userProfile" is not supported`, { itemIndex });
  const profile: JsonObject = { ...fields, status_expiration: expirySeconds(fields.status_expiration, ctx.timezone) };
  const custom = ((fields.customFieldUi as JsonObject | undefined)?.customFieldValues ?? []) as JsonObject[];
  if (fields.customFieldUi) profile.fields = Object.fromEntries(custom.map((field) => [String(field.id), { value: field.value, alt: field.alt }]));
  return (await slackRequest(client, { method: 'POST', path: '/users.profile.set', json: { profile } })).profile;
}
