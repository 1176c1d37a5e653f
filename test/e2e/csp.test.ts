import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { useBrowser } from '../helpers/browser';
import { ROOT } from '../helpers/build';
import { serveStatic } from '../helpers/serve';
import { ON_PREMISES_WINDOWS, OUTCOME, PAGE_TYPES, loadLazyResults, openPageType } from '../helpers/page-types';
import { parsePolicy } from '../../src/lib/csp';
import { parseHeadersFile } from '../helpers/headers-file';

const baseUrl = inject('baseUrl');
/** The build global-setup.ts made and serves at baseUrl. */
const OUT_DIR = join(ROOT, 'test/.output/e2e/dist');

const browser = useBrowser();
let headerServer: Server;
let headerUrl = '';
let headerPolicy = '';
let headerRule: Record<string, string> = {};

beforeAll(async () => {
  const rule = parseHeadersFile(readFileSync(join(OUT_DIR, '_headers'), 'utf8')).find((candidate) => candidate.path === '/*');
  headerPolicy = rule?.headers['Content-Security-Policy'] ?? '';
  headerRule = rule?.headers ?? {};
  ({ url: headerUrl, server: headerServer } = await serveStatic(OUT_DIR, { headers: true }));
});

afterAll(async () => {
  await new Promise<void>((resolve) => (headerServer ? headerServer.close(() => resolve()) : resolve()));
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations the pages reported, console errors (the browser logs each blocked load) and uncaught errors. */
  problems(): string[];
  /** Paths of the web workers the page started. */
  workers: string[];
}

/**
 * A fresh browser context that records every `securitypolicyviolation` event
 * (listened for by an init script, so before any of the page's own code runs,
 * and reported straight to the test, so none is lost when the page navigates)
 * and every console error of its pages, their web workers and service workers.
 */
async function watched(ignore: (message: ConsoleMessage) => boolean = () => false): Promise<Watched> {
  const context = await browser().newContext();
  const found: string[] = [];
  await context.exposeBinding('__reportCspViolation', (_source, text: string) => found.push(`CSP: ${text}`));
  await context.addInitScript(() => {
    const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`.trim()),
      true,
    );
  });
  const onConsole = (message: ConsoleMessage) => {
    // Errors, and the warning Pagefind logs when its web worker fails and it falls back to the page.
    const serious = message.type() === 'error' || (message.type() === 'warning' && /content security policy|refused to|worker/i.test(message.text()));
    if (serious && !ignore(message)) found.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
  };
  context.on('serviceworker', (worker) => worker.on('console', onConsole));
  const page = await context.newPage();
  page.on('console', onConsole);
  const workers: string[] = [];
  page.on('worker', (worker) => {
    workers.push(new URL(worker.url()).pathname);
    worker.on('console', onConsole);
  });
  page.on('pageerror', (error) => found.push(`uncaught: ${error.message}`));
  return { context, page, problems: () => found, workers };
}

/** A 404 page logs its own status as a console error; that is the page working, not a problem. */
const own404 = (message: ConsoleMessage) => /status of 404/.test(message.text()) && /not-a-page/.test(message.location().url);

async function answerToOutcome(page: Page): Promise<string> {
  for (let step = 0; step < 15; step++) {
    const current = page.locator('[data-node].current');
    if ((await current.getAttribute('class'))?.includes('outcome')) return (await current.getAttribute('data-node')) ?? '';
    await current.locator('button.answer').first().click();
  }
  throw new Error('no outcome after 15 answers');
}

const MODES = [
  { mode: 'as served, with the meta tag', header: false },
  { mode: 'with the _headers policy sent as an HTTP header too', header: true },
] as const;

describe('the generated _headers file', () => {
  it('sends one policy for every path: the pages\' own, with frame-ancestors added and nothing inline allowed', () => {
    const policy = parsePolicy(headerPolicy);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    for (const directive of ['script-src', 'style-src']) {
      expect(policy.get(directive), directive).not.toContain("'unsafe-inline'");
      expect(policy.get(directive), directive).not.toContain("'unsafe-eval'");
    }
  });

  it('adds the headers that exist only as headers: no MIME sniffing, and a referrer policy', () => {
    expect(headerRule['X-Content-Type-Options']).toBe('nosniff');
    expect(headerRule['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });
});

describe.each(MODES)('the Content-Security-Policy $mode', ({ header }) => {
  const origin = () => (header ? headerUrl : baseUrl);

  it.each(PAGE_TYPES)('$name ($path) loads with no violation and no console error', async (type) => {
    const { context, page, problems } = await watched(type.name === '404' ? own404 : undefined);
    const response = await openPageType(page, origin(), type);
    const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(meta, 'meta policy').toMatch(/script-src 'self'/);
    expect(meta, 'frame-ancestors is ignored in a meta tag').not.toMatch(/frame-ancestors/);
    if (header) {
      const sent = response?.headers()['content-security-policy'] ?? '';
      expect(sent).toBe(headerPolicy);
      // The header allows at least what the page's own policy allows, so the two agree.
      const sentPolicy = parsePolicy(sent);
      for (const [directive, sources] of parsePolicy(meta ?? '')) {
        for (const source of sources) expect(sentPolicy.get(directive) ?? [], `${directive} ${source}`).toContain(source);
      }
    }
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('runs a search on /search/: Pagefind, its web worker and WebAssembly, typed query and filter', async () => {
    const { context, page, problems, workers } = await watched();
    await openPageType(page, origin(), { name: 'search', path: '/search/?q=laptops', ready: '.search-page.ready pagefind-summary', lazy: true });
    expect(workers).toContain('/pagefind/pagefind-worker.js');
    const input = page.locator('pagefind-input input');
    await input.fill('reinstall');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'reinstall');
    await loadLazyResults(page);
    expect(await page.locator('pagefind-results a[href^="/"]').count()).toBeGreaterThan(0);
    await page.locator('.search-page [data-search-filters]').getByRole('checkbox', { name: /^MAK\b/ }).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('method') === 'MAK');
    await loadLazyResults(page);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('answers /decide/ by clicking through to an outcome, reading the inline JSON data block', async () => {
    const { context, page, problems } = await watched();
    await openPageType(page, origin(), { name: 'decide', path: '/decide/', ready: '[data-decide].js' });
    const outcome = await answerToOutcome(page);
    expect(outcome).not.toBe('');
    expect(await page.locator(`[data-node="${outcome}"] .card`).count()).toBeGreaterThan(0);
    // The script read the tree from <script type="application/json">: a data block, not run, so not blocked.
    expect(new URL(page.url()).searchParams.get('path')).toBeTruthy();
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('registers the offline service worker, which then serves pages and search with the network gone', async () => {
    const { context, page, problems } = await watched();
    await page.goto(`${origin()}/decide/?path=${ON_PREMISES_WINDOWS}/main-site#domain`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => new URL(navigator.serviceWorker.controller!.scriptURL).pathname)).toBe('/sw.js');
    // The first visit caches the shell; "Save for offline use" fetches the other pages and the search excerpts.
    await page.locator('[data-offline] button').click();
    await page.waitForFunction(() => document.querySelector('[data-offline-status]')?.textContent?.startsWith('Saved'), undefined, { timeout: 60_000 });
    await context.setOffline(true);
    await page.goto(`${origin()}/decide/outcomes/${OUTCOME}/`);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await openPageType(page, origin(), { name: 'search', path: '/search/?q=laptops', ready: '.search-page.ready pagefind-summary', lazy: true });
    expect(await page.locator('pagefind-results a[href^="/"]').count()).toBeGreaterThan(1);
    expect(problems()).toEqual([]);
    await context.close();
  });

  // (eval is not tried here: code the test runner evaluates is exempt from the page's policy.)
  it('blocks an injected inline script, style element and style attribute, and reports each', async () => {
    const { context, page, problems } = await watched(() => true);
    await page.goto(`${origin()}/factors/kms/branch-offices/`);
    const outcome = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { visibility: hidden; }';
      document.head.append(style);
      const styled = document.createElement('p');
      styled.setAttribute('style', 'display: none');
      document.body.append(styled);
      return {
        script: 'injected' in window,
        style: getComputedStyle(document.body).visibility === 'hidden',
        attribute: getComputedStyle(styled).display === 'none',
      };
    });
    expect(outcome).toEqual({ script: false, style: false, attribute: false });
    // Wait for each of the three reports, not for any three: with the policy in a header and a meta tag, each
    // violation can be reported twice, and the first four reports may all come before the style attribute's.
    const directives = ['script-src-elem', 'style-src-elem', 'style-src-attr'];
    const reported = () => directives.filter((directive) => problems().some((problem) => problem.startsWith(`CSP: ${directive} blocked`)));
    await expect.poll(reported).toEqual(directives);
    await context.close();
  });

  it(`${header ? 'forbids' : 'cannot forbid'} framing the site (frame-ancestors works only as a header)`, async () => {
    const { context, page } = await watched(() => true);
    await page.setContent(`<iframe src="${origin()}/about/" title="The guide, framed"></iframe>`);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    const heading = await frame?.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? null).catch(() => null);
    if (header) expect(heading).not.toBe('About this guide');
    else expect(heading).toBe('About this guide');
    await context.close();
  });
});
