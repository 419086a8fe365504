import { describe, expect, it } from 'vitest';
import { Parser } from 'xml2js';
import { toJUnitXml } from './junit.ts';

async function parse(xml: string): Promise<any> {
  return new Parser({ explicitArray: true }).parseStringPromise(xml);
}

describe('toJUnitXml', () => {
  it('writes suites, cases and counts that parse back', async () => {
    const xml = toJUnitXml([
      {
        name: 'run 1',
        cases: [
          { name: 'Webhook', classname: 'wf.run1', timeSeconds: 0.25 },
          { name: 'Set', classname: 'wf.run1', failure: { message: 'output changed', body: 'json.a: 1 → 2' } },
          { name: 'HTTP POST', classname: 'wf.run1', skipped: 'outside effects with changed input' },
        ],
      },
      { name: 'run 2', cases: [{ name: 'Webhook', classname: 'wf.run2', timeSeconds: 1.5 }] },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = await parse(xml);
    expect(doc.testsuites.$).toEqual({ tests: '4', failures: '1', errors: '0', skipped: '1', time: '1.750' });
    const [one, two] = doc.testsuites.testsuite;
    expect(one.$).toEqual({ name: 'run 1', tests: '3', failures: '1', errors: '0', skipped: '1', time: '0.250' });
    expect(two.$.tests).toBe('1');
    expect(one.testcase[0].$).toEqual({ name: 'Webhook', classname: 'wf.run1', time: '0.250' });
    expect(one.testcase[0].failure).toBeUndefined();
    expect(one.testcase[1].failure[0].$.message).toBe('output changed');
    expect(one.testcase[1].failure[0]._).toBe('json.a: 1 → 2');
    expect(one.testcase[2].skipped[0].$.message).toBe('outside effects with changed input');
  });

  it('escapes markup and replaces characters XML cannot hold', async () => {
    const nasty = `<a href="x">&'</a> ]]> \u0001end`;
    const xml = toJUnitXml([
      { name: nasty, cases: [{ name: nasty, classname: 'c', failure: { message: nasty, body: nasty } }] },
    ]);
    expect(xml).not.toContain('<a href');
    expect(xml).not.toContain('\u0001');
    const doc = await parse(xml);
    const expected = nasty.replace('\u0001', '\uFFFD');
    const suite = doc.testsuites.testsuite[0];
    expect(suite.$.name).toBe(expected);
    expect(suite.testcase[0].$.name).toBe(expected);
    expect(suite.testcase[0].failure[0].$.message).toBe(expected);
    expect(suite.testcase[0].failure[0]._).toBe(expected);
  });

  it('writes an empty document when nothing was checked', async () => {
    const doc = await parse(toJUnitXml([]));
    expect(doc.testsuites.$.tests).toBe('0');
  });
});
