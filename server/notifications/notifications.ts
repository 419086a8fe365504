// Notifications (issue 19) put together: rules, channels, the in-app inbox, the delivery record and
// the dispatcher that follows the event log.
import type { EventStore } from '../../events/index.ts';
import type { ProjectionRunner, ReadModelStore } from '../../projections/index.ts';
import type { RunCommand } from '../commands.ts';
import type { Logger } from '../logger.ts';
import { createChannelService } from './channel-service.ts';
import { createDeliveries } from './deliveries.ts';
import { createDispatcher, type DispatcherDeps } from './dispatcher.ts';
import { createInbox } from './inbox.ts';
import { createRateLimit } from './rate-limit.ts';
import { createRuleService } from './rule-service.ts';

export type Notifications = Awaited<ReturnType<typeof createNotifications>>;

export async function createNotifications(deps: {
  events: EventStore;
  vault: ReadModelStore;
  masterKey: Buffer;
  run: RunCommand;
  rules: ProjectionRunner;
  readYourWritesTimeoutMs: number;
  findWorkflow(id: string): Promise<{ name: string; workspaceId: string; deleted: boolean } | undefined>;
} & Pick<DispatcherDeps, 'findExecution' | 'executionsProjected' | 'publicUrl' | 'logger' | 'delivers'>) {
  const channels = await createChannelService({ vault: deps.vault, masterKey: deps.masterKey });
  const rules = createRuleService({ run: deps.run, rules: deps.rules, channels, findWorkflow: deps.findWorkflow, readYourWritesTimeoutMs: deps.readYourWritesTimeoutMs });
  const inbox = await createInbox(deps.vault);
  const deliveries = await createDeliveries(deps.vault);
  const dispatcher = await createDispatcher({ ...deps, rules, channels, inbox, deliveries, rateLimit: await createRateLimit(deps.vault) });
  return {
    rules, channels, inbox, deliveries,
    /** Sends a test message through one channel now and answers the recorded outcome. */
    async testSend(workspaceId: string, channelId: string) {
      const channel = await channels.get(workspaceId, channelId);
      const message = { title: `Test notification from Weft (${channel.name})`, text: 'If you can read this, the channel works.', level: 'info' as const, digest: false, notices: [] };
      const [outcome] = await dispatcher.deliver({ id: null, workspaceId, channelIds: [channelId] }, message, null);
      return outcome!;
    },
    start: dispatcher.start,
    stop: dispatcher.stop,
  };
}
