// Directory entries in the shape n8n's FTP node outputs: for FTP as its FTP library lists them
// (type 'd'/'-'/'l', rights without dashes, modifyTime), for SFTP as ssh2-sftp-client does (with
// accessTime/modifyTime as dates); both with the entry's full `path`.
import { FileType, type FileInfo } from 'basic-ftp';
import type { JsonObject } from '../../engine/index.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Dec 07 06:01` (this year, or last year when that would be in the future) or `Dec 07 2025`, as UTC. */
export function parseListDate(raw: string, now = new Date()): string | undefined {
  const match = /^([A-Za-z]{3})\s+(\d{1,2})\s+(?:(\d{4})|(\d{1,2}):(\d{2}))$/.exec(raw.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1].toLowerCase());
  if (month < 0) return undefined;
  const day = Number(match[2]);
  if (match[3]) return new Date(Date.UTC(Number(match[3]), month, day)).toISOString();
  let date = new Date(Date.UTC(now.getUTCFullYear(), month, day, Number(match[4]), Number(match[5])));
  // A listing without a year shows recent files: a date ahead of now belongs to last year.
  if (date.getTime() > now.getTime() + 86_400_000) date = new Date(Date.UTC(now.getUTCFullYear() - 1, month, day, Number(match[4]), Number(match[5])));
  return date.toISOString();
}

function rights(bits: number | undefined): string {
  if (bits === undefined) return '';
  return `${bits & 4 ? 'r' : ''}${bits & 2 ? 'w' : ''}${bits & 1 ? 'x' : ''}`;
}

const FTP_TYPES: Record<number, string> = { [FileType.Directory]: 'd', [FileType.File]: '-', [FileType.SymbolicLink]: 'l' };

export function ftpEntry(info: FileInfo): JsonObject {
  const modified = info.modifiedAt?.toISOString() ?? parseListDate(info.rawModifiedAt) ?? info.rawModifiedAt;
  return {
    type: FTP_TYPES[info.type] ?? '?',
    name: info.name,
    target: info.link || undefined,
    sticky: false,
    rights: { user: rights(info.permissions?.user), group: rights(info.permissions?.group), other: rights(info.permissions?.world) },
    owner: info.user,
    group: info.group,
    size: info.size,
    modifyTime: modified,
  };
}

export function sftpEntry(info: { accessTime: number; modifyTime: number } & Record<string, unknown>): JsonObject {
  return { ...info, accessTime: new Date(info.accessTime).toISOString(), modifyTime: new Date(info.modifyTime).toISOString() };
}

/** `dir` joined with a name, as n8n builds entry paths. */
export function joinPath(dir: string, name: string): string {
  return `${dir}${dir.endsWith('/') ? '' : '/'}${name}`;
}
