/**
 * Chromium for the page's tests: Debian's build, headless, with the flags that
 * keep it off the network, a new empty profile, and every request that is not
 * to the test server refused and recorded.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests cannot run here, or false when they can. */
export const noChromium: string | false = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests`;

/** Where the tests leave screenshots (not committed). */
export const SCREENSHOTS = join(import.meta.dirname, "..", "..", "test-output");

const NO_NETWORK = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the test server: refused, and listed here. */
  blocked: string[];
  /** Uncaught errors and console errors of the page (a refused script or style shows here). */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(origin: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "annals-chromium-"));
  // a persistent context is how playwright takes a profile folder (it refuses --user-data-dir in args)
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: NO_NETWORK, viewport: { width: 1400, height: 900 } });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) return route.continue();
    blocked.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    blocked,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Does `act` (following a link, setting the address, pressing a button) and
 * waits until the page has drawn the view it leads to: each drawing is a new
 * `section.view`, marked `data-ready` when its data is in.
 */
export async function drawn(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await page.evaluate(() => {
    const v = document.querySelector("section.view");
    if (v) v.setAttribute("data-old", "");
    return v !== null;
  });
  await act();
  await page.waitForSelector(before ? "section.view[data-ready]:not([data-old])" : "section.view[data-ready]");
}

/** Goes to a view of the page by its address (`#explorer?actor=JPN`). */
export const show = (page: Page, origin: string, hash: string) => drawn(page, () => page.goto(`${origin}/${hash}`));
