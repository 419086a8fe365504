// RSS Feed Trigger (n8n-nodes-base.rssFeedReadTrigger v1): a poller that starts a run with the feed
// entries newer than the newest one it saw (kept in the node's static data, as n8n's lastItemDate).
// The first poll only notes the time: what was there before activation is not delivered.
import type { ExecuteContext, JsonObject, NodeProperty, NodeType, TriggerContext } from '../../engine/index.ts';
import { cronNode } from '../cron/cron.node.ts';
import { param } from '../shared/params.ts';
import { readFeed } from '../rss-feed-read/feed.ts';

const triggerTimes = cronNode.description.properties.find((p) => p.name === 'triggerTimes')!;
const pollTimes: NodeProperty = {
  ...triggerTimes,
  displayName: 'Poll Times',
  name: 'pollTimes',
  typeOptions: { ...triggerTimes.typeOptions, multipleValueButtonText: 'Add Poll Time' },
  default: { item: [{ mode: 'everyMinute' }] },
};

const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/** One poll: the new entries (or null), moving the cursor in the node's static data. */
export async function pollFeed(ctx: TriggerContext): Promise<JsonObject[] | null> {
  const state = ctx.getWorkflowStaticData('node');
  const entries = await readFeed(ctx, String(param(ctx, 'feedUrl', 0, 'https://blog.n8n.io/rss/')));
  const since = (state.lastItemDate as string | undefined) ?? (state.lastTimeChecked as string | undefined) ?? new Date().toISOString();
  state.lastTimeChecked = new Date().toISOString();
  const fresh = entries.filter((entry) => time(entry.isoDate) > time(since));
  const dated = entries.filter((entry) => !Number.isNaN(time(entry.isoDate)));
  if (dated.length) {
    const newest = dated.reduce((a, b) => (time(a.isoDate) >= time(b.isoDate) ? a : b));
    if (!state.lastItemDate || time(newest.isoDate) > time(state.lastItemDate)) state.lastItemDate = newest.isoDate;
  }
  return fresh.length ? fresh : null;
}

export const rssFeedReadTriggerNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.rssFeedReadTrigger',
    displayName: 'RSS Feed Trigger',
    group: ['trigger'],
    version: [1],
    description: 'Starts a workflow when an RSS feed is updated',
    defaults: { name: 'RSS Feed Trigger', color: '#b02020' },
    inputs: [],
    outputs: ['main'],
    triggerKind: 'poll',
    properties: [
      pollTimes,
      { displayName: 'Feed URL', name: 'feedUrl', type: 'string', default: 'https://blog.n8n.io/rss/', required: true, description: 'URL of the RSS feed to poll' },
    ],
  },
  // A manual run shows the feed's first entry, as n8n's poll does in manual mode.
  async execute(ctx: ExecuteContext) {
    const entries = await readFeed(ctx, String(param(ctx, 'feedUrl', 0, 'https://blog.n8n.io/rss/')));
    return [entries.slice(0, 1).map((json) => ({ json, pairedItem: { item: 0 } }))];
  },
  triggers: {
    async poll(ctx) {
      const fresh = await pollFeed(ctx);
      return fresh ? [fresh.map((json) => ({ json }))] : null;
    },
  },
};
