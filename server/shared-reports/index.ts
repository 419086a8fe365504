// Report formats shared by the CLI verbs that feed CI pipelines.
export { toJUnitXml, type JUnitCase, type JUnitSuite } from './junit.ts';
