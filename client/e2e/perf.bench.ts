// Editor figures (`npm run bench:editor`): time to interactive for a 300-node workflow, frame
// rate while panning it (requestAnimationFrame in the page), and the gzip size of the build.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ownerApi, ROOT, screenshot, signedInPage, startHarness } from './harness.ts';

const NODES = Number(process.env.BENCH_NODES ?? 300);

function bigWorkflow(count: number) {
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `n${i}`, name: i === 0 ? 'Start' : `Step ${i}`,
    type: i === 0 ? 'n8n-nodes-base.manualTrigger' : i % 3 === 0 ? 'n8n-nodes-base.set' : 'n8n-nodes-base.noOp',
    typeVersion: i % 3 === 0 && i > 0 ? 3.4 : 1,
    position: [(i % 20) * 220, Math.floor(i / 20) * 180] as [number, number],
    parameters: {},
  }));
  const connections: Record<string, { main: { node: string; type: string; index: number }[][] }> = {};
  for (let i = 1; i < count; i++) connections[nodes[i - 1]!.name] = { main: [[{ node: nodes[i]!.name, type: 'main', index: 0 }]] };
  return { name: `${count} nodes`, nodes, connections, settings: { executionOrder: 'v1' } };
}

function gzipSizeOfBuild(): { raw: number; gzip: number } {
  const dir = path.join(ROOT, 'client', 'dist', 'assets');
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(dir).filter((f) => /\.(js|css)$/.test(f))) {
    const content = readFileSync(path.join(dir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  const html = readFileSync(path.join(ROOT, 'client', 'dist', 'index.html'));
  return { raw: raw + html.length, gzip: gzip + gzipSync(html).length };
}

const h = await startHarness();
try {
  const created = await ownerApi<{ id: string }>(h, 'POST', '/api/v1/workflows', bigWorkflow(NODES));
  const { page } = await signedInPage(h);
  const results: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = Date.now();
    await page.goto(`/workflows/${created.id}`);
    await page.waitForFunction((n) => document.querySelectorAll('.svelte-flow__node').length === n && document.querySelector('[data-testid="save-state"][data-sync="collab"], [data-testid="save-state"][data-sync="rest"]') !== null, NODES, { timeout: 60_000, polling: 'raf' });
    results.push(Date.now() - started);
  }
  const tti = results.sort((a, b) => a - b)[1]!;
  await screenshot(page, '10-300-nodes');

  // Pan for two seconds by dragging the pane, counting animation frames in the page.
  const box = (await page.locator('.svelte-flow__pane').boundingBox())!;
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => { window.__frames.push(t); if (window.__counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const panStart = Date.now();
  let step = 0;
  while (Date.now() - panStart < 2_000) {
    const angle = step++ / 10;
    await page.mouse.move(cx + Math.cos(angle) * 250, cy + Math.sin(angle) * 150);
  }
  await page.mouse.up();
  const frames = (await page.evaluate('(() => { window.__counting = false; return window.__frames; })()')) as number[];
  const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
  const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
  const fps = (frames.length - 1) / seconds;
  const p95 = gaps[Math.floor(gaps.length * 0.95)]!;
  const size = gzipSizeOfBuild();

  console.log(`editor, ${NODES} nodes, headless Chromium ${h.browser.version()} at 1280×720`);
  console.log(`  time to interactive (median of 3 loads: navigation → all ${NODES} nodes drawn and the document synced): ${tti} ms (runs: ${results.join(', ')} ms)`);
  console.log(`  panning for ${seconds.toFixed(1)} s: ${fps.toFixed(1)} frames/s, p95 frame time ${p95.toFixed(1)} ms, ${step} pointer moves`);
  console.log(`  built client (JS + CSS + HTML): ${(size.raw / 1024).toFixed(1)} KiB raw, ${(size.gzip / 1024).toFixed(1)} KiB gzip`);
} finally {
  await h.close();
}
