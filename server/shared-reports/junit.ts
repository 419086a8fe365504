// JUnit XML for CI pipelines (`weft check`, `weft test`): the de-facto format Jenkins, GitLab and GitHub readers accept.
import { Builder } from 'xml2js';

export interface JUnitCase {
  name: string;
  classname: string;
  timeSeconds?: number;
  /** A failed case; `message` goes in the attribute, `body` (details) in the element text. */
  failure?: { message: string; body?: string };
  /** A skipped case, with the reason. */
  skipped?: string;
}

export interface JUnitSuite {
  name: string;
  cases: JUnitCase[];
}

/**
 * Characters XML 1.0 cannot hold at all, even escaped (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF). Node outputs may contain them, so they are replaced rather than failing the report.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function clean(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

function seconds(value: number | undefined): string {
  return (value !== undefined && Number.isFinite(value) && value > 0 ? value : 0).toFixed(3);
}

function caseElement(c: JUnitCase): Record<string, unknown> {
  const element: Record<string, unknown> = {
    $: { name: clean(c.name), classname: clean(c.classname), time: seconds(c.timeSeconds) },
  };
  if (c.failure) {
    const failure: Record<string, unknown> = { $: { message: clean(c.failure.message), type: 'failure' } };
    if (c.failure.body) failure._ = clean(c.failure.body);
    element.failure = failure;
  } else if (c.skipped !== undefined) {
    element.skipped = { $: { message: clean(c.skipped) } };
  }
  return element;
}

function suiteElement(suite: JUnitSuite): Record<string, unknown> {
  const failures = suite.cases.filter((c) => c.failure).length;
  const skipped = suite.cases.filter((c) => !c.failure && c.skipped !== undefined).length;
  const time = suite.cases.reduce((sum, c) => sum + (c.timeSeconds && c.timeSeconds > 0 ? c.timeSeconds : 0), 0);
  return {
    $: {
      name: clean(suite.name),
      tests: String(suite.cases.length),
      failures: String(failures),
      errors: '0',
      skipped: String(skipped),
      time: seconds(time),
    },
    testcase: suite.cases.map(caseElement),
  };
}

/** Renders suites as one `<testsuites>` document with totals on the root element. */
export function toJUnitXml(suites: JUnitSuite[]): string {
  const rendered = suites.map(suiteElement);
  const total = (key: string) => rendered.reduce((sum, s) => sum + Number((s.$ as Record<string, string>)[key]), 0);
  const root = {
    testsuites: {
      $: {
        tests: String(total('tests')),
        failures: String(total('failures')),
        errors: '0',
        skipped: String(total('skipped')),
        time: seconds(total('time')),
      },
      testsuite: rendered,
    },
  };
  return new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' } }).buildObject(root) + '\n';
}
