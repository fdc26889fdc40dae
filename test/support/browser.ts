import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

// The console the api serves is the real build: `npm run build:web` runs before the browser tests (CI and `npm run build` do it).
const WEB_INDEX = join(process.cwd(), 'dist/web/index.html');
const ARTIFACTS = join(process.cwd(), 'test-artifacts/browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Default wait for every action and locator on the page, in milliseconds. */
  timeout?: number;
  isMobile?: BrowserContextOptions['isMobile'];
  hasTouch?: BrowserContextOptions['hasTouch'];
}

/**
 * Chromium for one browser suite: each page gets its own context (cookies, storage) on the api,
 * and an uncaught error in any page is kept so the step that caused it fails.
 */
export class ConsoleBrowser {
  private browser: Browser | undefined;
  private readonly pageErrors: string[] = [];

  /** `screenshotPrefix` keeps each suite's screenshots apart in test-artifacts/browser. */
  constructor(private readonly screenshotPrefix: string) {}

  async launch(): Promise<void> {
    if (!existsSync(WEB_INDEX)) throw new Error(`The web console is not built (${WEB_INDEX} is missing): run \`npm run build:web\` first.`);
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    mkdirSync(ARTIFACTS, { recursive: true });
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }

  async newPage(baseURL: string, { viewport = { width: 1366, height: 900 }, timeout = 15_000, isMobile, hasTouch }: PageOptions = {}): Promise<Page> {
    if (!this.browser) throw new Error('ConsoleBrowser.launch() must run before newPage()');
    const context = await this.browser.newContext({ viewport, baseURL, isMobile, hasTouch });
    context.setDefaultTimeout(timeout);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    return page;
  }

  /** The uncaught page errors since the last call (each test step expects none). */
  takePageErrors(): string[] {
    return this.pageErrors.splice(0);
  }

  async shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${this.screenshotPrefix}${name}.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}

/** Fills and submits the sign-in form the page shows (Arabic labels). */
export async function submitSignIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('البريد الإلكتروني').fill(who.email);
  await page.getByLabel('كلمة المرور').fill(who.password);
  await page.getByRole('button', { name: 'دخول' }).click();
}

/** Signs a staff member in from the console's front door and waits for the queue they land on. */
export async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.waitForURL(/\/sign-in/);
  await submitSignIn(page, who);
  await page.waitForURL(/\/queue$/);
}
