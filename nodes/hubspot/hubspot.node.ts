// HubSpot (n8n-nodes-base.hubspot): v2 and v2.1 (resource locators for contacts, companies and
// deals) and v1 (plain IDs), with the same operations on HubSpot's API. Lists become one item per
// entry, paired with the input item.
import type { ExecuteContext, Item, NodeType } from '../../engine/index.ts';
import { createTransport } from '../http-request/send.ts';
import { errorMessage } from '../shared/items.ts';
import { serviceCallError } from '../shared/network-errors.ts';
import { param } from '../shared/params.ts';
import type { HubspotClient } from './hubspot-api.ts';
import { hubspotMethods } from './hubspot-methods.ts';
import { DEFAULT_OPERATION, HUBSPOT_RESOURCES } from './hubspot-operations.ts';
import { hubspotCredentials, hubspotProperties } from './hubspot.description.ts';

async function execute(ctx: ExecuteContext): Promise<Item[][]> {
  const items = ctx.getInputData();
  const resource = param(ctx, 'resource', 0, 'deal');
  const operation = param(ctx, 'operation', 0, DEFAULT_OPERATION[resource] ?? 'create');
  const transport = createTransport({ allowUnauthorizedCerts: false, blockPrivateNetworks: ctx.blockPrivateNetworks });
  const client: HubspotClient = { ctx, transport };
  const output: Item[] = [];
  try {
    for (let i = 0; i < items.length; i++) {
      try {
        const run = HUBSPOT_RESOURCES[resource];
        if (!run) throw new Error(`The resource "${resource}" is not known`);
        const answer = await run(client, operation, i);
        for (const json of Array.isArray(answer) ? answer : [answer ?? {}]) output.push({ json, pairedItem: { item: i } });
      } catch (error) {
        const failure = serviceCallError(ctx.node.name, error, i);
        if (!ctx.continueOnFail()) throw failure;
        output.push({ json: { error: errorMessage(failure) }, pairedItem: { item: i } });
      }
    }
  } finally {
    await transport.close();
  }
  return [output];
}

const base = {
  name: 'n8n-nodes-base.hubspot', displayName: 'HubSpot', icon: 'file:hubspot.svg', group: ['output'], description: 'Consume HubSpot API',
  defaults: { name: 'HubSpot' }, inputs: ['main'], outputs: ['main'], credentials: hubspotCredentials,
};

export const hubspotNode: NodeType = {
  description: { ...base, version: [2, 2.1], properties: hubspotProperties(true) },
  execute,
  methods: hubspotMethods,
};

export const hubspotNodeV1: NodeType = {
  description: { ...base, version: [1], properties: hubspotProperties(false) },
  execute,
  methods: { loadOptions: hubspotMethods.loadOptions },
};
