// "Replay in bulk…" in real Chromium (issue 25): three runs fail, the draft is fixed for two of them,
// and the runs panel's bulk replay dialog, driven by the keyboard, replays the failed runs on the
// draft, shows the progress live and the summary, and links to the run that now fails differently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, ownerApi, screenshot, signedInPage, startHarness, type Harness } from './harness.ts';

const failing = "if ($json.fail) throw new Error('cannot handle ' + $json.kind);\nreturn { json: { ...$json, ok: true } };";
const mostlyFixed = "if ($json.kind === 'odd') throw new Error('odd one still fails');\nreturn { json: { ...$json, ok: true } };";

function workflow(jsCode: string) {
  return {
    name: 'Bulk replay in the editor',
    settings: { executionOrder: 'v1' },
    nodes: [
      { id: 't', name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
      { id: 'c', name: 'Code', type: 'n8n-nodes-base.code', typeVersion: 2, position: [240, 0], parameters: { mode: 'runOnceForEachItem', jsCode } },
    ],
    connections: { 'Manual Trigger': { main: [[{ node: 'Code', type: 'main', index: 0 }]] } },
  };
}

describe.skipIf(!chromiumAvailable())('bulk replay from the runs panel', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('replays the failed runs on the fixed draft with live progress, by keyboard', async () => {
    const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', workflow(failing));
    const runs: { id: string; status: string }[] = [];
    for (const kind of ['input', 'odd', 'input']) {
      runs.push(await ownerApi(h, 'POST', `/api/v1/workflows/${created.id}/run?wait=true`, { triggerItems: [{ json: { fail: true, kind } }] }));
    }
    expect(runs.map((r) => r.status)).toEqual(['error', 'error', 'error']);
    await ownerApi(h, 'PUT', `/api/v1/workflows/${created.id}`, workflow(mostlyFixed));

    const { page, context } = await signedInPage(h);
    await page.goto(`/workflows/${created.id}/executions/${runs[0].id}`);
    const opener = page.locator('[data-testid="bulk-replay-open"]');
    await opener.waitFor();

    // Enter opens the dialog with the focus in it; Escape closes it and gives the focus back.
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('[data-testid="bulk-replay-dialog"]');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-status');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bulk-replay-open');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Failed runs (the default), on the draft (the default; never published, so that choice is off).
    expect(await dialog.locator('[data-testid="bulk-status"]').inputValue()).toBe('error');
    expect(await dialog.locator('[data-testid="bulk-version-draft"]').isChecked()).toBe(true);
    expect(await dialog.locator('[data-testid="bulk-version-published"]').isDisabled()).toBe(true);
    await dialog.locator('[data-testid="bulk-error"]').focus();
    await page.keyboard.type('CANNOT handle');
    await screenshot(page, '61-bulk-replay-dialog');
    await page.keyboard.press('Enter');

    const status = dialog.locator('[data-testid="bulk-status-text"]');
    await status.filter({ hasText: 'Finished: 3 of 3 runs' }).waitFor({ timeout: 15_000 });
    expect(await dialog.locator('[data-testid="bulk-progress"]').getAttribute('aria-valuenow')).toBe('3');
    const summary = await dialog.locator('[data-testid="bulk-summary"]').innerText();
    expect(summary).toMatch(/2\s+now succeed/);
    expect(summary).toMatch(/0\s+still fail/);
    expect(summary).toMatch(/1\s+fails differently/);
    const different = dialog.locator('[data-testid="bulk-different"]');
    expect(await different.textContent()).toContain('odd one still fails');
    expect(await different.textContent()).toContain(`from #${runs[1].id.slice(0, 6)}`);
    await screenshot(page, '62-bulk-replay-summary');

    // The link opens the replay that fails differently: a re-run of the odd run.
    await dialog.locator('[data-testid="bulk-different-link"]').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForURL((url) => /\/executions\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(runs[0].id));
    const replayId = page.url().split('/').pop()!;
    const replay = await ownerApi<{ status: string; rerunOf?: string }>(h, 'GET', `/api/v1/executions/${replayId}`);
    expect(replay).toMatchObject({ status: 'error', rerunOf: runs[1].id });
    await context.close();
    expect(h.consoleErrors).toEqual([]);
  }, 20_000);
});
