// Keeps "test this credential" from becoming a port scanner for the server's own network (SSRF):
// unless allowed, a host that resolves to a loopback, private, link-local or otherwise internal
// address is refused, and the checked address is the one connected to, so DNS cannot change
// its answer between the check and the connection.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ValidationError } from '../../domain/index.ts';

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
  // NAT64 and 6to4 can embed any IPv4 address, internal ones included.
  ['64:ff9b::', 96], ['2002::', 16],
] as const) internal.addSubnet(net, prefix, 'ipv6');

/** True for addresses that are not on the public internet (BlockList judges IPv4-mapped IPv6 as IPv4). */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never treat as safe
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface Target {
  /** What to connect to: the checked address, or the host itself when internal ones are allowed. */
  address: string;
  /** The name to present for TLS (SNI, certificate checks) when `address` is an IP instead. */
  servername?: string;
}

/** Resolves `host` and refuses internal addresses unless `allowPrivateNetwork` is set. */
export async function resolveTarget(host: string, { allowPrivateNetwork = false } = {}): Promise<Target> {
  const bare = host.replace(/^\[(.*)\]$/, '$1'); // URL hostnames keep IPv6 brackets
  if (allowPrivateNetwork) return { address: bare };
  let addresses: { address: string }[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new ValidationError(`The host '${host}' could not be resolved`);
  }
  // Every answer must be public: drivers may try them all, and the order can change.
  const blocked = addresses.find((a) => isInternalAddress(a.address));
  if (blocked || addresses.length === 0) {
    const what = isIP(bare) ? `The address '${host}' is internal` : `The host '${host}' resolves to an internal address (${blocked?.address ?? 'none'})`;
    throw new ValidationError(`${what}; this server does not test credentials against its private network`);
  }
  return { address: addresses[0].address, ...(isIP(bare) ? {} : { servername: bare }) };
}
