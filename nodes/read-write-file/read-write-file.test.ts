import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

let root: string;
let allowed: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'weft-rwf-'));
  allowed = join(root, 'files');
  outside = join(root, 'secret');
  mkdirSync(join(allowed, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(allowed, 'a.txt'), 'alpha');
  writeFileSync(join(allowed, 'sub', 'b.json'), '{"b":1}');
  writeFileSync(join(allowed, 'c.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  writeFileSync(join(outside, 'key.txt'), 'do not read');
  symlinkSync(join(outside, 'key.txt'), join(allowed, 'link.txt'));
  symlinkSync(outside, join(allowed, 'escape'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const node = (parameters: Record<string, unknown>, typeVersion = 1, extra = {}) => ({ name: 'Files', type: 'n8n-nodes-base.readWriteFile', typeVersion, parameters, ...extra });

async function run(parameters: Record<string, unknown>, options: { typeVersion?: number; items?: never[] | object[]; continueOnFail?: boolean } = {}) {
  const result = await runChain([node(parameters, options.typeVersion ?? 1, options.continueOnFail ? { continueOnFail: true } : {})], {
    filesAllowedDirs: [allowed], ...(options.items ? { items: options.items as never } : {}),
  });
  return { result, items: outputOf(result, 'Files') };
}

describe('readWriteFile read', () => {
  it('reads files by glob into binary items with n8n metadata', async () => {
    const { items } = await run({ operation: 'read', fileSelector: `${allowed}/**/{a,b,c}.*` });
    expect(items.map((i) => i.json.fileName)).toEqual(['a.txt', 'c.png', 'b.json']);
    expect(items.map((i) => i.binary!.data.mimeType)).toEqual(['text/plain', 'image/png', 'application/json']);
  });

  it('gives content, MIME type, extension, size and folder of one file', async () => {
    const { items } = await run({ operation: 'read', fileSelector: `${allowed}/sub/*.json` });
    expect(items).toHaveLength(1);
    expect(items[0].json).toEqual({ mimeType: 'application/json', fileType: 'json', fileName: 'b.json', fileExtension: 'json', fileSize: '7 B' });
    expect(Buffer.from(items[0].binary!.data.data, 'base64').toString()).toBe('{"b":1}');
    expect(items[0].binary!.data.directory).toBe(join(allowed, 'sub'));
    expect(items[0].pairedItem).toEqual({ item: 0 });
  });

  it('applies the options: field, file name, extension, MIME type', async () => {
    const { items } = await run({ operation: 'read', fileSelector: `${allowed}/a.txt`, options: { dataPropertyName: 'file', fileName: 'x.bin', fileExtension: 'bin', mimeType: 'application/x-test' } });
    expect(items[0].binary!.file).toMatchObject({ fileName: 'x.bin', fileExtension: 'bin', mimeType: 'application/x-test' });
    expect(items[0].json.mimeType).toBe('application/x-test');
  });

  it('detects a PNG by its bytes and a relative selector reads from the first allowed folder', async () => {
    const { items } = await run({ operation: 'read', fileSelector: 'c.png' });
    expect(items[0].json).toMatchObject({ mimeType: 'image/png', fileType: 'image' });
  });

  it('v1 returns nothing for no match; v1.1 fails', async () => {
    expect((await run({ operation: 'read', fileSelector: `${allowed}/none-*.txt` })).items).toEqual([]);
    const { result } = await run({ operation: 'read', fileSelector: `${allowed}/none-*.txt` }, { typeVersion: 1.1 });
    expect(result.data.resultData.error?.message).toBe('No file(s) found');
  });

  it('refuses paths outside the allowed folders, through .. and through symlinks', async () => {
    for (const fileSelector of [join(outside, 'key.txt'), `${allowed}/../secret/key.txt`, `${allowed}/link.txt`, `${allowed}/escape/key.txt`, '/etc/**/*.conf']) {
      const { result } = await run({ operation: 'read', fileSelector });
      expect(result.status, fileSelector).toBe('error');
      expect(result.data.resultData.error?.message, fileSelector).toMatch(/^Access to the file is not allowed/);
    }
  });
});

describe('readWriteFile write', () => {
  const file = { json: { id: 7 }, binary: { data: { data: Buffer.from('hello ').toString('base64'), mimeType: 'text/plain', fileName: 'h.txt' } } };

  it('writes a binary property to a file, keeping json and binary, adding fileName', async () => {
    const target = join(allowed, 'out', 'h.txt');
    const { items } = await run({ operation: 'write', fileName: target }, { items: [file] });
    expect(readFileSync(target, 'utf8')).toBe('hello ');
    expect(items[0].json).toEqual({ id: 7, fileName: target });
    expect(items[0].binary!.data.fileName).toBe('h.txt');
    await run({ operation: 'write', fileName: target, options: { append: true } }, { items: [file] });
    expect(readFileSync(target, 'utf8')).toBe('hello hello ');
    await run({ operation: 'write', fileName: target }, { items: [file] });
    expect(readFileSync(target, 'utf8')).toBe('hello ');
  });

  it('refuses to write outside, also through a symlinked folder, and writes nothing', async () => {
    for (const fileName of [join(outside, 'w.txt'), `${allowed}/../secret/w.txt`, `${allowed}/escape/w.txt`]) {
      const { result } = await run({ operation: 'write', fileName }, { items: [file] });
      expect(result.data.resultData.error?.message, fileName).toMatch(/^Access to the file is not allowed/);
    }
    expect(() => readFileSync(join(outside, 'w.txt'))).toThrow();
  });

  it('names a missing binary property; continueOnFail turns each failure into an error item', async () => {
    const { result } = await run({ operation: 'write', fileName: join(allowed, 'x.txt'), dataPropertyName: 'nope' }, { items: [file] });
    expect(result.data.resultData.error?.message).toContain("binary file 'nope'");
    const { items } = await run({ operation: 'write', fileName: '={{ $json.path }}' }, {
      continueOnFail: true,
      items: [{ ...file, json: { path: join(outside, 'x.txt') } }, { ...file, json: { path: join(allowed, 'ok.txt') } }],
    });
    expect(items[0]).toEqual({ json: { error: `Access to the file is not allowed: ${join(outside, 'x.txt')}` }, pairedItem: { item: 0 } });
    expect(items[1].json.fileName).toBe(join(allowed, 'ok.txt'));
  });

  it('with no allowed folder, nothing is allowed', async () => {
    const result = await runChain([node({ operation: 'read', fileSelector: `${allowed}/a.txt` })]);
    expect(result.data.resultData.error?.message).toMatch(/^Access to the file is not allowed/);
  });
});
