// Audit entries as RFC 5424 syslog messages, sent over UDP (one datagram each) or TCP (octet
// counting, RFC 6587). Node's dgram/net and a small formatter: no maintained client library fits.
import dgram from 'node:dgram';
import net from 'node:net';
import os from 'node:os';
import type { AuditDoc } from '../../projections/index.ts';

const SEVERITY_INFO = 6;
/** RFC 5612's enterprise number for documentation, as the structured-data id's suffix. */
const SD_ID = 'weft@32473';

const printable = (s: string, max: number) => (s.replace(/[^!-~]/g, '_').slice(0, max) || '-');
const sdValue = (s: string) => s.replace(/[\\"\]]/g, (c) => `\\${c}`);

export function formatSyslog(entry: AuditDoc, options: { facility: number; appName: string; hostname?: string }): string {
  const pri = options.facility * 8 + SEVERITY_INFO;
  const params = [
    ['position', String(entry.position)], ['eventId', entry.id], ['stream', entry.stream],
    ['actorKind', entry.actorKind], ['actorId', entry.actorId], ...(entry.workspaceId ? [['workspaceId', entry.workspaceId]] : []),
  ].map(([k, v]) => `${k}="${sdValue(v!)}"`).join(' ');
  const hostname = printable(options.hostname ?? os.hostname(), 255);
  return `<${pri}>1 ${entry.at} ${hostname} ${printable(options.appName, 48)} ${process.pid} ${printable(entry.type, 32)} [${SD_ID} ${params}] ${JSON.stringify(entry)}`;
}

export interface SyslogTarget {
  host: string;
  port: number;
  protocol: 'udp' | 'tcp';
}

const TIMEOUT_MS = 10_000;

/** Sends the messages in order; resolves once all are handed to the network (TCP: written and closed). */
export async function sendSyslog(target: SyslogTarget, messages: string[]): Promise<void> {
  if (target.protocol === 'udp') {
    const socket = dgram.createSocket(net.isIPv6(target.host) ? 'udp6' : 'udp4');
    try {
      for (const m of messages) {
        await new Promise<void>((resolve, reject) => socket.send(Buffer.from(m), target.port, target.host, (err) => (err ? reject(err) : resolve())));
      }
    } finally {
      socket.close();
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`syslog ${target.host}:${target.port} timed out`)));
    socket.once('error', reject);
    socket.once('connect', () => {
      for (const m of messages) socket.write(`${Buffer.byteLength(m)} ${m}`);
      socket.end(() => resolve());
    });
  });
}
