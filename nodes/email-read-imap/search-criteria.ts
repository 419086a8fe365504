// n8n's "Custom Email Rules" are node-imap search criteria in JSON (["UNSEEN", ["FROM", "a@b"]]);
// imapflow searches with an object. This maps one onto the other, and refuses what it cannot map
// rather than silently searching for something else.
import type { SearchObject } from 'imapflow';

const FLAGS: Record<string, SearchObject> = {
  ALL: { all: true }, SEEN: { seen: true }, UNSEEN: { seen: false }, FLAGGED: { flagged: true }, UNFLAGGED: { flagged: false },
  ANSWERED: { answered: true }, UNANSWERED: { answered: false }, DELETED: { deleted: true }, UNDELETED: { deleted: false },
  DRAFT: { draft: true }, UNDRAFT: { draft: false }, NEW: { new: true }, OLD: { old: true }, RECENT: { recent: true },
};
const TEXT_KEYS: Record<string, keyof SearchObject> = { FROM: 'from', TO: 'to', CC: 'cc', BCC: 'bcc', SUBJECT: 'subject', BODY: 'body', TEXT: 'text', KEYWORD: 'keyword', UNKEYWORD: 'unKeyword' };
const DATE_KEYS: Record<string, keyof SearchObject> = { SINCE: 'since', BEFORE: 'before', ON: 'on', SENTSINCE: 'sentSince', SENTBEFORE: 'sentBefore', SENTON: 'sentOn' };

export class SearchCriteriaError extends Error {}

function dateOf(value: unknown, key: string): Date {
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new SearchCriteriaError(`${key} needs a date, got ${JSON.stringify(value)}`);
  return date;
}

function one(criterion: unknown): SearchObject {
  if (typeof criterion === 'string') {
    const name = criterion.toUpperCase();
    if (name.startsWith('!')) return { not: one(criterion.slice(1)) };
    const flag = FLAGS[name];
    if (!flag) throw new SearchCriteriaError(`Unknown search criterion "${criterion}"`);
    return flag;
  }
  if (!Array.isArray(criterion) || typeof criterion[0] !== 'string') throw new SearchCriteriaError(`Cannot read the search criterion ${JSON.stringify(criterion)}`);
  const [head, ...args] = criterion as [string, ...unknown[]];
  const key = head.toUpperCase();
  if (key.startsWith('!')) return { not: one([head.slice(1), ...args]) };
  if (args.length === 0) return one(head);
  if (key === 'OR') {
    if (args.length !== 2) throw new SearchCriteriaError('OR takes exactly two criteria');
    return { or: args.map((a) => criteriaToSearch(Array.isArray(a) && Array.isArray(a[0]) ? a : [a])) };
  }
  if (TEXT_KEYS[key]) return { [TEXT_KEYS[key]]: String(args[0]) };
  if (DATE_KEYS[key]) return { [DATE_KEYS[key]]: dateOf(args[0], key) };
  if (key === 'LARGER' || key === 'SMALLER') return { [key.toLowerCase()]: Number(args[0]) };
  if (key === 'UID') return { uid: Array.isArray(args[0]) ? args[0].join(',') : String(args[0]) };
  if (key === 'HEADER') return { header: { [String(args[0])]: args[1] === undefined ? true : String(args[1]) } };
  throw new SearchCriteriaError(`Unknown search criterion "${head}"`);
}

/** One imapflow search object for a node-imap criteria list (all must hold). */
export function criteriaToSearch(criteria: unknown[]): SearchObject {
  const search: SearchObject = {};
  for (const criterion of criteria) {
    const part = one(criterion);
    if (part.header && search.header) part.header = { ...search.header, ...part.header };
    // Not A and not B is not (A or B); two ORs have no single-object form.
    if (part.not && search.not) part.not = { or: [search.not, part.not] };
    if (part.or && search.or) throw new SearchCriteriaError('Only one OR rule is supported in the custom email rules');
    Object.assign(search, part);
  }
  return Object.keys(search).length ? search : { all: true };
}

/** The node's `customEmailConfig` option: JSON text, ["UNSEEN"] when unset. */
export function parseCustomEmailConfig(text: unknown): unknown[] {
  if (text === undefined || text === '') return ['UNSEEN'];
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    throw new SearchCriteriaError('Custom email config is not valid JSON.');
  }
  if (!Array.isArray(parsed)) throw new SearchCriteriaError('Custom email config must be a JSON list, like ["UNSEEN"]');
  return parsed;
}
