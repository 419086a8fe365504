// The legacy file nodes (readBinaryFile, readBinaryFiles, writeBinaryFile) on a real folder, with the
// FILES_ALLOWED_DIRS restriction of the Read/Write Files node.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

let root: string;
let allowed: string;
let outside: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'weft-legacy-files-'));
  allowed = join(root, 'files');
  outside = join(root, 'secret');
  mkdirSync(join(allowed, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(allowed, 'a.txt'), 'alpha');
  writeFileSync(join(allowed, 'sub', 'b.json'), '{"b":1}');
  writeFileSync(join(outside, 'key.txt'), 'do not read');
  symlinkSync(join(outside, 'key.txt'), join(allowed, 'link.txt'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const node = (type: string, parameters: Record<string, unknown>, continueOnFail = false) => ({ name: 'File', type: `n8n-nodes-base.${type}`, typeVersion: 1, parameters, continueOnFail });
const run = (n: ReturnType<typeof node>, items: Item[] = [{ json: { keep: 1 } }]) => runChain([n], { items, filesAllowedDirs: [allowed] });

describe('Read Binary File', () => {
  it('adds the file to the item under the property name, keeping its json', async () => {
    const [item] = outputOf(await run(node('readBinaryFile', { filePath: join(allowed, 'a.txt'), dataPropertyName: 'doc' })), 'File');
    expect(item.json).toEqual({ keep: 1 });
    expect(Buffer.from(item.binary!.doc.data, 'base64').toString()).toBe('alpha');
    expect(item.binary!.doc).toMatchObject({ fileName: 'a.txt', mimeType: 'text/plain', fileExtension: 'txt', directory: allowed });
  });

  it('refuses files outside the allowed folders, through .. or a symlink, and names a missing file', async () => {
    for (const filePath of [join(outside, 'key.txt'), join(allowed, '..', 'secret', 'key.txt'), join(allowed, 'link.txt')]) {
      const result = await run(node('readBinaryFile', { filePath }));
      expect(result.data.resultData.error?.message).toMatch(/^Access to the file is not allowed/);
    }
    const missing = await run(node('readBinaryFile', { filePath: join(allowed, 'none.txt') }, true));
    expect(outputOf(missing, 'File')[0].json.error).toMatch(/could not be found/);
  });
});

describe('Read Binary Files', () => {
  it('makes one item per file the glob matches, and refuses a glob or a matched symlink outside the allowed folders', async () => {
    const items = outputOf(await run(node('readBinaryFiles', { fileSelector: `${allowed}/**/{a,b}.*` })), 'File');
    expect(items.map((item) => item.binary!.data.fileName)).toEqual(['a.txt', 'b.json']);
    expect(items[1].binary!.data.mimeType).toBe('application/json');
    for (const fileSelector of [`${outside}/*.txt`, `${allowed}/*.txt`]) {
      // The second matches link.txt, a symlink that leads out of the allowed folder.
      const denied = await run(node('readBinaryFiles', { fileSelector }));
      expect(denied.data.resultData.error?.message).toMatch(/^Access to the file is not allowed/);
    }
  });
});

describe('Write Binary File', () => {
  it('writes and appends the binary property and adds fileName to the json; refuses paths outside', async () => {
    const target = join(allowed, 'out.txt');
    const items = [{ json: { n: 1 }, binary: { data: { data: Buffer.from('one ').toString('base64'), mimeType: 'text/plain' } } }];
    const [written] = outputOf(await run(node('writeBinaryFile', { fileName: target }), items), 'File');
    expect(written.json).toEqual({ n: 1, fileName: target });
    await run(node('writeBinaryFile', { fileName: target, options: { append: true } }), items);
    expect(readFileSync(target, 'utf8')).toBe('one one ');
    const denied = await run(node('writeBinaryFile', { fileName: join(outside, 'x.txt') }), items);
    expect(denied.data.resultData.error?.message).toMatch(/^Access to the file is not allowed/);
  });
});
