// n8n's node-imap search rules mapped onto imapflow's search object.
import { describe, expect, it } from 'vitest';
import { criteriaToSearch, parseCustomEmailConfig } from './search-criteria.ts';

describe('criteriaToSearch', () => {
  it('maps flags, text, dates, UID ranges, headers, OR and negation', () => {
    expect(criteriaToSearch(['UNSEEN'])).toEqual({ seen: false });
    expect(criteriaToSearch([])).toEqual({ all: true });
    expect(criteriaToSearch(['UNSEEN', ['FROM', 'ann@weft.test'], ['SUBJECT', 'Invoice'], ['UID', '7:*']])).toEqual({ seen: false, from: 'ann@weft.test', subject: 'Invoice', uid: '7:*' });
    expect(criteriaToSearch([['SINCE', 'May 20, 2024']])).toEqual({ since: new Date('May 20, 2024') });
    expect(criteriaToSearch([['HEADER', 'X-A', '1'], ['HEADER', 'X-B', '2']])).toEqual({ header: { 'X-A': '1', 'X-B': '2' } });
    expect(criteriaToSearch([['OR', 'FLAGGED', ['FROM', 'a@b.c']]])).toEqual({ or: [{ flagged: true }, { from: 'a@b.c' }] });
    expect(criteriaToSearch(['!SEEN', ['!FROM', 'x']])).toEqual({ not: { or: [{ seen: true }, { from: 'x' }] } });
    expect(criteriaToSearch([['LARGER', 1000]])).toEqual({ larger: 1000 });
  });

  it('refuses what it cannot map, and bad JSON', () => {
    expect(() => criteriaToSearch(['SOMETIMES'])).toThrow('Unknown search criterion "SOMETIMES"');
    expect(() => criteriaToSearch([['SINCE', 'not a date']])).toThrow('SINCE needs a date');
    expect(() => criteriaToSearch([['OR', 'SEEN', 'FLAGGED'], ['OR', 'DRAFT', 'NEW']])).toThrow('Only one OR rule');
    expect(() => parseCustomEmailConfig('[UNSEEN')).toThrow('Custom email config is not valid JSON.');
    expect(parseCustomEmailConfig(undefined)).toEqual(['UNSEEN']);
    expect(parseCustomEmailConfig('["ALL"]')).toEqual(['ALL']);
  });
});
