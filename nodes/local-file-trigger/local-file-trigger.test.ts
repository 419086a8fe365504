// The Local File Trigger's manual run ("test step"): it waits for the first change in the watched
// folder, only inside the allowed folders.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

let root = '';
let allowed = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'weft-lft-'));
  allowed = join(root, 'files');
  mkdirSync(join(allowed, 'inbox'), { recursive: true });
  mkdirSync(join(root, 'outside'));
  symlinkSync(join(root, 'outside'), join(allowed, 'link-out'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const trigger = (parameters: Record<string, unknown>) => [{ name: 'Watch', type: 'n8n-nodes-base.localFileTrigger', parameters }];

describe('localFileTrigger manual run', () => {
  it('returns the first added file in the folder', async () => {
    const run = runChain(trigger({ triggerOn: 'folder', path: join(allowed, 'inbox'), events: ['add'], options: { ignored: '**/*.tmp' } }), { filesAllowedDirs: [allowed] });
    // Writes until the watcher (ready once the run started) sees one; the ignored file never counts.
    let n = 0;
    const writer = setInterval(() => {
      writeFileSync(join(allowed, 'inbox', `skip-${n}.tmp`), 'x');
      writeFileSync(join(allowed, 'inbox', `doc-${n++}.txt`), 'x');
    }, 200);
    try {
      const result = await run;
      const [item] = outputOf(result, 'Watch');
      expect(item.json.event).toBe('add');
      expect(item.json.path).toMatch(new RegExp(`^${join(allowed, 'inbox')}/doc-\\d+\\.txt$`));
    } finally {
      clearInterval(writer);
    }
  });

  it('refuses a folder outside the allowed ones, also through a link, and needs events', async () => {
    for (const path of [join(root, 'outside'), join(allowed, 'link-out'), `${allowed}/../outside`]) {
      const result = await runChain(trigger({ triggerOn: 'folder', path, events: ['add'] }), { filesAllowedDirs: [allowed] });
      expect(result.data.resultData.error?.message, path).toMatch(/^Access to the file is not allowed/);
    }
    const none = await runChain(trigger({ triggerOn: 'folder', path: allowed, events: [] }), { filesAllowedDirs: [allowed] });
    expect(none.data.resultData.error?.message).toBe('Choose at least one event to watch for');
  });
});
