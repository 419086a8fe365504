// Email Trigger (IMAP) (n8n-nodes-base.emailReadImap v2, 2.1): while its workflow is active it
// holds an IMAP connection on the mailbox (IDLE, through imapflow) and starts a run with every
// batch of new emails matching the search rules, in n8n's simple, resolved or raw shape; then
// marks them read if asked. Which mails are new: the highest UID seen is kept in the node's
// static data (n8n's `lastMessageUid`); from 2.1, before any is seen, only mail since the day of
// activation counts. A manual run waits for the first new email.
import type { ImapFlow } from 'imapflow';
import { NodeOperationError, type ExecuteContext, type Item, type NodeOutput, type NodeType, type TriggerContext } from '../../engine/index.ts';
import { collection, param } from '../shared/params.ts';
import { emailReadImapProperties } from './email-read-imap.description.ts';
import { emailItem, type EmailFormat, type ItemOptions } from './email-items.ts';
import { imapCredential, watchMailbox } from './mailbox-watch.ts';
import { criteriaToSearch, parseCustomEmailConfig, SearchCriteriaError } from './search-criteria.ts';

/** n8n fetches at most this many emails per search from 2.1, and emits each batch as one run. */
const BATCH_SIZE = 20;

interface Settings {
  mailbox: string;
  markRead: boolean;
  criteria: unknown[];
  items: ItemOptions;
  trackLast: boolean;
  forceReconnect?: number;
}

function settingsOf(ctx: ExecuteContext): Settings {
  const options = collection(ctx, 'options', 0);
  const format = param(ctx, 'format', 0, 'simple') as EmailFormat;
  const downloadAttachments = format === 'simple' && param(ctx, 'downloadAttachments', 0, false) === true;
  let criteria: unknown[];
  try {
    criteria = parseCustomEmailConfig(options.customEmailConfig);
    criteriaToSearch(criteria);
  } catch (error) {
    if (error instanceof SearchCriteriaError) throw new NodeOperationError(ctx.node.name, error.message, { description: 'See the "Custom Email Rules" option' });
    throw error;
  }
  return {
    mailbox: param(ctx, 'mailbox', 0, 'INBOX'),
    markRead: param(ctx, 'postProcessAction', 0, 'read') === 'read',
    criteria,
    items: { format, downloadAttachments, attachmentPrefix: format === 'raw' || (format === 'simple' && !downloadAttachments) ? '' : param(ctx, 'dataPropertyAttachmentsPrefixName', 0, 'attachment_') },
    trackLast: options.trackLastMessageId !== false,
    forceReconnect: options.forceReconnect === undefined ? undefined : Number(options.forceReconnect),
  };
}

/**
 * Arms the watcher: `emit` hears each batch of new emails. Static data keeps the last UID; it is
 * reset on arming before 2.1 and when "Fetch Only New Emails" is off, as in n8n.
 */
async function arm(ctx: ExecuteContext, emit: (items: Item[]) => void, onError: (error: Error) => void) {
  const s = settingsOf(ctx);
  const credential = imapCredential(await ctx.credentials.get('imap'));
  const staticData = ctx.getWorkflowStaticData('node');
  const v21 = ctx.node.typeVersion >= 2.1;
  if (!v21 || !s.trackLast) delete staticData.lastMessageUid;
  const activatedAt = new Date();

  async function check(client: ImapFlow): Promise<void> {
    let criteria = [...s.criteria];
    const last = staticData.lastMessageUid as number | undefined;
    if (last !== undefined) criteria.push(['UID', `${last}:*`]);
    else if (v21 && s.trackLast) criteria.push(['SINCE', new Date(activatedAt.getFullYear(), activatedAt.getMonth(), activatedAt.getDate())]);
    for (;;) {
      const found = (await client.search(criteriaToSearch(criteria), { uid: true })) || [];
      const uids = found.sort((a, b) => a - b).slice(0, v21 ? BATCH_SIZE : undefined);
      if (uids.length === 0) return;
      const lastSeen = staticData.lastMessageUid as number | undefined;
      const fresh = uids.filter((uid) => lastSeen === undefined || uid > lastSeen);
      const items: Item[] = [];
      if (fresh.length) {
        for await (const message of client.fetch(fresh.join(','), { uid: true, source: true }, { uid: true })) {
          if (message.source) items.push(await emailItem(message.source, message.uid, s.items));
        }
      }
      // As n8n: mark every match read once processed, including those skipped as already seen.
      if (s.markRead) await client.messageFlagsAdd(uids.join(','), ['\\Seen'], { uid: true });
      const max = uids[uids.length - 1];
      if (lastSeen === undefined || max > lastSeen) staticData.lastMessageUid = max;
      if (items.length) emit(items);
      if (!v21 || uids.length < BATCH_SIZE) return;
      criteria = [...s.criteria.filter((c) => !(Array.isArray(c) && ['UID', 'SINCE'].includes(String(c[0]).toUpperCase()))), ['UID', `${max}:*`]];
      if (fresh.length === 0) return;
    }
  }

  const watcher = watchMailbox({ credential, mailbox: s.mailbox, forceReconnectMinutes: s.forceReconnect, check, onError });
  try {
    await watcher.start();
  } catch (error) {
    throw new NodeOperationError(ctx.node.name, (error as Error).message, { description: `Check the IMAP credential (${credential.host}:${credential.port}) and the mailbox name` });
  }
  return watcher;
}

async function trigger(ctx: TriggerContext) {
  const watcher = await arm(ctx, (items) => ctx.emit([items]), (error) => ctx.emitError(error));
  return { close: () => watcher.close() };
}

/** The editor's test step waits for the first new email (until the run is stopped). */
async function execute(ctx: ExecuteContext): Promise<NodeOutput> {
  if (ctx.mode !== 'manual') return [ctx.getInputData()];
  let resolve!: (items: Item[]) => void;
  let reject!: (error: Error) => void;
  const first = new Promise<Item[]>((res, rej) => { resolve = res; reject = rej; });
  const stop = () => reject(new NodeOperationError(ctx.node.name, 'The run was stopped before an email arrived'));
  if (ctx.signal.aborted) stop();
  ctx.signal.addEventListener('abort', stop, { once: true });
  let watcher: Awaited<ReturnType<typeof arm>> | undefined;
  try {
    watcher = await arm(ctx, resolve, reject);
    return [await first];
  } finally {
    ctx.signal.removeEventListener('abort', stop);
    await watcher?.close();
  }
}

export const emailReadImapNode: NodeType = {
  description: {
    name: 'n8n-nodes-base.emailReadImap',
    displayName: 'Email Trigger (IMAP)',
    icon: 'fa:inbox',
    group: ['trigger'],
    version: [2, 2.1],
    description: 'Triggers the workflow when a new email is received',
    defaults: { name: 'Email Trigger (IMAP)', color: '#44AA22' },
    inputs: [],
    outputs: ['main'],
    credentials: [{ name: 'imap', required: true }],
    triggerKind: 'trigger',
    properties: emailReadImapProperties,
  },
  execute,
  triggers: { trigger },
};

