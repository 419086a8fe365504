// What a notification says: one notice (a run failed, a workflow was switched off, ...) or a digest
// of the notices a rule's rate limit held back.
import type { NotificationTrigger } from '../../domain/index.ts';

export interface Notice {
  trigger: NotificationTrigger;
  workspaceId: string;
  workflowId: string;
  workflowName: string;
  executionId?: string;
  error?: string;
  durationMs?: number;
  failuresInRow?: number;
  /** Who switched the workflow off ('automatically' when the system did). */
  by?: string;
  at: string;
}

export interface Message {
  title: string;
  text: string;
  level: 'error' | 'warning' | 'success' | 'info';
  /** Where to look (the run or the workflow in the editor). */
  url?: string;
  digest: boolean;
  notices: Notice[];
}

const LEVEL: Record<NotificationTrigger, Message['level']> = {
  runFailed: 'error', triggerFailing: 'error', runSlow: 'warning', workflowDeactivated: 'warning', runSucceeded: 'success',
};

function headline(n: Notice): string {
  const name = `'${n.workflowName}'`;
  switch (n.trigger) {
    case 'runFailed': return `Workflow ${name} failed`;
    case 'runSucceeded': return `Workflow ${name} succeeded`;
    case 'runSlow': return `Workflow ${name} took ${Math.round((n.durationMs ?? 0) / 100) / 10} s`;
    case 'triggerFailing': return n.failuresInRow ? `Workflow ${name} failed ${n.failuresInRow} times in a row` : `Workflow ${name} could not be activated`;
    case 'workflowDeactivated': return `Workflow ${name} was switched off`;
  }
}

function details(n: Notice): string {
  const lines = [`At ${n.at}`];
  if (n.executionId) lines.push(`Execution ${n.executionId}`);
  if (n.error) lines.push(`Error: ${n.error}`);
  if (n.by) lines.push(`By ${n.by}`);
  return lines.join('\n');
}

function linkOf(n: Notice, publicUrl: string): string {
  return n.executionId ? `${publicUrl}/workflows/${n.workflowId}/executions/${n.executionId}` : `${publicUrl}/workflows/${n.workflowId}`;
}

export function noticeMessage(n: Notice, publicUrl: string): Message {
  return { title: headline(n), text: details(n), level: LEVEL[n.trigger], url: linkOf(n, publicUrl), digest: false, notices: [n] };
}

/** The notices held back during a window, as one message. */
export function digestMessage(notices: Notice[], total: number, publicUrl: string): Message {
  const first = notices[0]!;
  const lines = notices.map((n) => `• ${n.at}: ${headline(n)}${n.error ? ` (${n.error})` : ''}`);
  if (total > notices.length) lines.push(`… and ${total - notices.length} more`);
  const worst = notices.some((n) => LEVEL[n.trigger] === 'error') ? 'error' : notices.some((n) => LEVEL[n.trigger] === 'warning') ? 'warning' : LEVEL[first.trigger];
  return {
    title: `Digest: ${total} more notification${total === 1 ? '' : 's'} for workflow '${first.workflowName}'`,
    text: lines.join('\n'), level: worst, url: `${publicUrl}/workflows/${first.workflowId}`, digest: true, notices,
  };
}
