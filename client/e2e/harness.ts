// What the editor's end-to-end tests share: a built client, a real server (startTestServer), Debian's
// Chromium driven by playwright-core, signed-in pages that record console errors, and screenshots.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CLIENT_SOURCES, CLIENT_STAMP, isFresh } from '../../bin/compiled.mjs';
import { startTestServer, TEST_OWNER, type TestServer } from '../../server/index.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export type BrowserName = 'chromium' | 'firefox';
const BROWSERS: Record<BrowserName, { executable: string; variable: string; debianPackage: string }> = {
  chromium: { executable: CHROMIUM, variable: 'CHROMIUM_PATH', debianPackage: 'chromium' },
  firefox: { executable: FIREFOX, variable: 'FIREFOX_PATH', debianPackage: 'firefox-esr' },
};

/** Whether `name`'s end-to-end tests can run here; under CI a missing browser is a failure, not a skip. */
export function browserAvailable(name: BrowserName): boolean {
  const { executable, variable, debianPackage } = BROWSERS[name];
  if (existsSync(executable)) return true;
  const install = `install Debian's ${debianPackage} package (.ci/run does)`;
  if (process.env.CI === 'true') throw new Error(`${name} is missing at ${executable}: ${install}`);
  console.warn(`Skipping the ${name} end-to-end tests: ${name} is missing at ${executable} (${install}, or set ${variable}; CI requires it).`);
  return false;
}

export const chromiumAvailable = (): boolean => browserAvailable('chromium');

/**
 * Builds the client when its build is missing or older than its sources. Test files run in
 * parallel workers, so a lock directory makes one of them build while the others wait.
 */
export async function ensureClientBuilt(): Promise<void> {
  const fresh = () => isFresh(CLIENT_STAMP, CLIENT_SOURCES);
  if (fresh()) return;
  const lock = path.join(ROOT, 'test-output', '.client-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes belongs to a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 180_000) throw new Error('Timed out waiting for another test to build the client');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (!fresh()) execFileSync(process.execPath, [path.join(ROOT, 'ops', 'build.mjs'), 'client'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Harness {
  server: TestServer;
  browser: Browser;
  /** Console errors and uncaught exceptions of every page opened through `signedInPage`. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  await ensureClientBuilt();
  // Short collaboration timers: edits are recorded as events quickly and empty rooms close at once.
  const server = await startTestServer({ COLLAB_COMMIT_DEBOUNCE_MS: '100', COLLAB_COMMIT_MAX_WAIT_MS: '500', COLLAB_ROOM_IDLE_MS: '200', ...env });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return {
    server, browser, consoleErrors: [],
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new browser context (its own cookies) at 1280×720, signed in through the sign-in form. */
export async function signedInPage(h: Harness, who: { email: string; password: string } = TEST_OWNER): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: h.server.url });
  // A step that cannot happen fails in seconds with what it waited for, not at the test's timeout.
  context.setDefaultTimeout(8_000);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') h.consoleErrors.push(`${who.email}: ${message.text()}`);
  });
  page.on('pageerror', (error) => h.consoleErrors.push(`${who.email}: ${error.message}`));
  await page.goto('/signin');
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid="workflow-list"], .empty');
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Calls the API as the owner (API key), for setting up what a test needs. */
export async function ownerApi<T>(h: Harness, method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(h.server.url + urlPath, {
    method,
    headers: { 'x-api-key': TEST_OWNER.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A second user in the default workspace, created through the invitations API. */
export async function inviteUser(h: Harness, email: string, name: string, password: string, role: 'editor' | 'viewer' = 'editor') {
  const invitation = await ownerApi<{ token?: string; link?: string; url?: string; [k: string]: unknown }>(h, 'POST', '/api/v1/invitations', { email, role });
  const token = invitation.token ?? new URL(String(invitation.link ?? invitation.url)).searchParams.get('token') ?? '';
  const response = await fetch(`${h.server.url}/api/v1/invitations/accept`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, name, password }),
  });
  if (!response.ok) throw new Error(`accepting the invitation: ${response.status} ${await response.text()}`);
  return { email, password, name };
}

/** Waits until `check` holds, polling; returns how long it took. */
export async function within(ms: number, check: () => Promise<boolean>, what: string): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

/**
 * Waits until `locator` has stopped moving (the same box 200 ms apart): a new node pans the canvas
 * into view with an animation, and a busy page can look still to Playwright for two frames of it,
 * so a double-click's second press landed on the pane where the node had been.
 */
export async function settled(locator: Locator, ms = 5_000): Promise<Locator> {
  let last = '';
  await within(ms, async () => {
    await new Promise((r) => setTimeout(r, 200));
    const box = JSON.stringify(await locator.boundingBox());
    const still = box === last;
    last = box;
    return still;
  }, 'the element stops moving');
  return locator;
}

export { TEST_OWNER };
