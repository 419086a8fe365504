// The `n8n-workflow` stand-in: what packages get from require('n8n-workflow'), and that the
// errors they throw are our engine's NodeOperationError (so runs record node, description and
// itemIndex for them; community-packages.int.test.ts checks that on a real run).
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeOperationError as EngineNodeOperationError } from '../../engine/index.ts';
import { n8nWorkflowExports } from './n8n-workflow/index.ts';
import { packageRequire } from './require-hook.ts';

type Ctor = new (...args: unknown[]) => Error & Record<string, unknown>;
const lib = n8nWorkflowExports as Record<string, unknown> & {
  jsonParse: (text: string, options?: object) => unknown;
  deepCopy: <T>(v: T) => T;
  sleep: (ms: number) => Promise<void>;
  LoggerProxy: { init(l: object): void; info(m: string, meta?: object): void };
};

describe('require("n8n-workflow") from package code', () => {
  it('answers with our module, even where no n8n-workflow is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-shim-'));
    writeFileSync(join(dir, 'node.js'), 'const w = require("n8n-workflow"); module.exports = { w, again: require("n8n-workflow") };');
    const loaded = packageRequire(join(dir, 'node.js'))(join(dir, 'node.js')) as { w: unknown; again: unknown };
    expect(loaded.w).toBe(n8nWorkflowExports);
    expect(loaded.again).toBe(n8nWorkflowExports);
    // Other requests still resolve normally.
    expect(() => createRequire(join(dir, 'node.js'))('no-such-package-for-weft')).toThrow(/Cannot find module/);
  });
});

describe('errors', () => {
  const node = { name: 'My Node', type: 'pkg.thing' };
  it('NodeOperationError keeps message, description and itemIndex, and the engine records them', () => {
    const E = lib.NodeOperationError as Ctor;
    const error = new E(node, 'Bad input', { description: 'Fix the field', itemIndex: 2 });
    expect(error).toBeInstanceOf(EngineNodeOperationError);
    expect(error).toMatchObject({ name: 'NodeOperationError', message: 'Bad input', nodeName: 'My Node', details: { description: 'Fix the field', itemIndex: 2 } });
    expect(error.node).toBe(node);
    const wrapped = new E(node, new Error('inner'));
    expect(wrapped.message).toBe('inner');
    expect(new E(node, error)).toBe(error);
  });
  it('NodeApiError takes an API response and names the HTTP status', () => {
    const E = lib.NodeApiError as Ctor;
    const error = new E(node, { message: 'token expired', httpCode: '401' });
    expect(error.message).toMatch(/Authorization failed/);
    expect(error.description).toBe('token expired');
    expect(error.httpCode).toBe('401');
    expect(new E(node, { message: 'x' }, { message: 'Custom', description: 'd' }).message).toBe('Custom');
    expect(new E(node, { message: 'Nope' })).toMatchObject({ name: 'NodeApiError', message: 'Nope', nodeName: 'My Node' });
    expect(new E(node, { status: 404 }).message).toMatch(/could not be found/);
  });
  it('NodeApiError words a system error as n8n does and keeps the original as description', () => {
    const E = lib.NodeApiError as Ctor;
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:443'), { code: 'ECONNREFUSED' });
    expect(new E(node, refused)).toMatchObject({ message: 'The service refused the connection - perhaps it is offline', description: 'connect ECONNREFUSED 10.0.0.5:443' });
    expect(new E(node, { message: 'getaddrinfo ENOTFOUND api.example.invalid' }).message).toMatch(/^The connection cannot be established/);
    expect(new E(node, { message: 'token expired', httpCode: '401' }).message).toMatch(/Authorization failed/);
  });
  it('ApplicationError carries level and extra', () => {
    const E = lib.ApplicationError as Ctor;
    const error = new E('broken', { level: 'warning', extra: { a: 1 } });
    expect(error).toMatchObject({ name: 'ApplicationError', message: 'broken', level: 'warning', extra: { a: 1 } });
  });
});

describe('values and helpers', () => {
  it('connection types under both names', () => {
    expect((lib.NodeConnectionTypes as Record<string, string>).Main).toBe('main');
    expect((lib.NodeConnectionType as Record<string, string>).AiTool).toBe('ai_tool');
    expect(lib.BINARY_ENCODING).toBe('base64');
  });
  it('jsonParse: parse, fallback, custom error', () => {
    expect(lib.jsonParse('{"a":[1]}')).toEqual({ a: [1] });
    expect(lib.jsonParse('nope', { fallbackValue: { ok: false } })).toEqual({ ok: false });
    expect(() => lib.jsonParse('nope', { errorMessage: 'Not JSON' })).toThrow('Not JSON');
    expect(() => lib.jsonParse('nope')).toThrow(SyntaxError);
    expect(lib.jsonParse("{a: 'b'}", { acceptJSObject: true })).toEqual({ a: 'b' });
  });
  it('deepCopy copies deeply', () => {
    const source = { a: { b: [1, { c: 2 }] } };
    const copy = lib.deepCopy(source);
    expect(copy).toEqual(source);
    expect(copy.a.b).not.toBe(source.a.b);
  });
  it('sleep waits', async () => {
    const start = Date.now();
    await lib.sleep(30);
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
  });
  it('LoggerProxy forwards to the logger given to init', () => {
    const seen: string[] = [];
    lib.LoggerProxy.init({ info: (m: string) => seen.push(m), error() {}, warn() {}, debug() {}, verbose() {} });
    lib.LoggerProxy.info('hello');
    expect(seen).toEqual(['hello']);
  });
  it('VersionedNodeType picks the default version', () => {
    const V = lib.VersionedNodeType as new (versions: object, d: object) => { currentVersion: number; getNodeType(v?: number): unknown };
    const one = { description: { version: 1 } };
    const two = { description: { version: [2, 2.1] } };
    const versioned = new V({ 1: one, 2: two, 2.1: two }, { name: 'x', defaultVersion: 2 });
    expect(versioned.currentVersion).toBe(2);
    expect(versioned.getNodeType()).toBe(two);
    expect(versioned.getNodeType(1)).toBe(one);
  });
  it('is frozen, so one package cannot change it for others', () => {
    expect(Object.isFrozen(n8nWorkflowExports)).toBe(true);
  });
});
