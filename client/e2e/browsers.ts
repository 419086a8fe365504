// A small browser-neutral page driver, so one end-to-end path can run in Debian's Chromium
// (playwright-core) and in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi, since
// Playwright cannot drive a stock Firefox). Only what the cross-browser paths need, nothing more.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, FIREFOX, SCREENSHOTS, type BrowserName } from './harness.ts';

export { browserAvailable, type BrowserName } from './harness.ts';

/** A step that cannot happen fails in seconds with what it waited for, not at the test's timeout. */
const STEP_TIMEOUT = 8_000;

export interface PageDriver {
  goto(urlPath: string): Promise<void>;
  /** Clicks the first match once it is visible and has stopped moving. */
  click(selector: string): Promise<void>;
  dblclick(selector: string): Promise<void>;
  /** Replaces the value of an input, textarea or contenteditable (CodeMirror). */
  fill(selector: string, value: string): Promise<void>;
  /** One key by its DOM name ('Escape', 'Enter', 'n'). */
  press(key: string): Promise<void>;
  /** The text of the first match, waiting for it to exist. */
  text(selector: string): Promise<string>;
  count(selector: string): Promise<number>;
  /** Waits until a match is in the document. */
  waitFor(selector: string, timeout?: number): Promise<void>;
  /** Polls `fn` in the page until it returns something truthy. */
  waitUntil<A>(fn: (arg: A) => unknown, arg: A, timeout?: number): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  screenshot(name: string): Promise<void>;
  url(): string;
  close(): Promise<void>;
}

export interface BrowserDriver {
  name: BrowserName;
  /** Console errors and uncaught exceptions of every page opened. */
  consoleErrors: string[];
  /** A page in a context of its own (its own cookies) at 1280×720. */
  newPage(baseUrl: string): Promise<PageDriver>;
  close(): Promise<void>;
}

export function launchBrowser(name: BrowserName): Promise<BrowserDriver> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

function screenshotPath(browser: BrowserName, name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${browser}-${name}.png`);
}

async function launchChromium(): Promise<BrowserDriver> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const consoleErrors: string[] = [];
  return {
    name: 'chromium', consoleErrors,
    async newPage(baseUrl) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: baseUrl });
      context.setDefaultTimeout(STEP_TIMEOUT);
      const page = await context.newPage();
      page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      return {
        goto: async (urlPath) => { await page.goto(urlPath); },
        click: (selector) => page.locator(selector).first().click(),
        dblclick: (selector) => page.locator(selector).first().dblclick(),
        fill: (selector, value) => page.locator(selector).first().fill(value),
        press: (key) => page.keyboard.press(key),
        text: async (selector) => (await page.locator(selector).first().textContent()) ?? '',
        count: (selector) => page.locator(selector).count(),
        // Attached, as Puppeteer's default: an SVG edge counts even when Playwright calls it hidden.
        waitFor: async (selector, timeout) => { await page.waitForSelector(selector, { state: 'attached', timeout }); },
        // (The drivers' own generic types of page functions differ from ours: cast, the call is the same.)
        waitUntil: async (fn, arg, timeout) => { await page.waitForFunction(fn as never, arg, { timeout }); },
        evaluate: <R, A>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
        screenshot: async (name) => { await page.screenshot({ path: screenshotPath('chromium', name) }); },
        url: () => page.url(),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

async function launchFirefox(): Promise<BrowserDriver> {
  const browser = await puppeteer.launch({
    browser: 'firefox', protocol: 'webDriverBiDi', executablePath: FIREFOX, headless: true,
    defaultViewport: { width: 1280, height: 720 },
  });
  const consoleErrors: string[] = [];
  return {
    name: 'firefox', consoleErrors,
    async newPage(baseUrl) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
      page.on('pageerror', (error) => consoleErrors.push(error instanceof Error ? error.message : String(error)));
      return {
        goto: async (urlPath) => { await page.goto(new URL(urlPath, baseUrl).href); },
        // Puppeteer's locators wait until the element is visible, enabled and still, as Playwright's do.
        click: (selector) => page.locator(selector).click(),
        dblclick: (selector) => page.locator(selector).click({ count: 2 }),
        fill: (selector, value) => page.locator(selector).fill(value),
        press: (key) => page.keyboard.press(key as Parameters<typeof page.keyboard.press>[0]),
        text: async (selector) => {
          const element = await page.waitForSelector(selector);
          return (await element!.evaluate((el) => el.textContent)) ?? '';
        },
        count: (selector) => page.$$eval(selector, (all) => all.length),
        waitFor: async (selector, timeout) => { await page.waitForSelector(selector, { timeout }); },
        waitUntil: async (fn, arg, timeout) => { await page.waitForFunction(fn as never, { timeout }, arg); },
        evaluate: <R, A>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
        screenshot: async (name) => { await page.screenshot({ path: screenshotPath('firefox', name) as `${string}.png` }); },
        url: () => page.url(),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
