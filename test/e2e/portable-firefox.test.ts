import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';
import { FIREFOX, launchFirefox, type Firefox } from '../helpers/firefox';

// The portable edition in Firefox, opened from disk: Firefox treats file:// more strictly than Chromium (each file
// is its own origin), so the journeys of portable.test.ts run here too. Skipped where no Firefox is installed.
const BUILD = join(ROOT, 'test/.output/e2e/dist');
const PORTABLE = join(ROOT, 'test/.output/e2e-portable-firefox/portable');
const fileUrl = (file: string) => pathToFileURL(join(PORTABLE, file)).href;

let firefox: Firefox;

async function waitFor(expression: string, what: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (await firefox.evaluate<boolean>(`(() => { try { return !!(${expression}); } catch { return false; } })()`)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Skipped only outside CI where no Firefox is installed; .ci/run installs firefox-esr, so CI runs it.
describe.skipIf(!FIREFOX && !process.env.CI)('the portable edition opened from disk in Firefox', () => {
  beforeAll(async () => {
    const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/portable.ts', '--from', BUILD, '--out', PORTABLE, '--zip', join(PORTABLE, '../edition.zip')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`the portable step failed:\n${result.stdout}\n${result.stderr}`);
    firefox = await launchFirefox();
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('goes from home to a pro or con and back, with the site\'s styles', async () => {
    await firefox.open(fileUrl('index.html'));
    expect(await firefox.evaluate<string>(`document.querySelector('main .portable-edition').textContent`)).toMatch(/built on \d{4}-\d{2}-\d{2} from commit/);
    // The stylesheets load from disk under the page's policy: the note has its border.
    expect(await firefox.evaluate<string>(`getComputedStyle(document.querySelector('main .portable-edition')).borderTopStyle`)).toBe('solid');
    await firefox.evaluate(`document.querySelector('a[href="kms/index.html"]').click()`);
    await waitFor(`location.href === ${JSON.stringify(fileUrl('kms/index.html'))} && document.readyState === 'complete'`, 'the KMS page');
    await firefox.evaluate(`document.querySelector('main a[href*="factors/kms/"]').click()`);
    await waitFor(`/\\/factors\\/kms\\/[^/]+\\/index\\.html$/.test(location.href) && document.readyState === 'complete' && document.querySelector('h1')`, 'a KMS factor page');
    expect(await firefox.evaluate<string>(`document.querySelector('h1').textContent`)).not.toBe('');
    await firefox.back();
    await waitFor(`location.href === ${JSON.stringify(fileUrl('kms/index.html'))}`, 'the KMS page again');
    expect(firefox.problems).toEqual([]);
  });

  it('walks the decision tree to an outcome by clicking and reopens it on reload', async () => {
    await firefox.open(fileUrl('decide/index.html'));
    await waitFor(`document.querySelector('[data-decide].js')`, 'the tree island');
    for (let step = 0; step < 15; step++) {
      if (await firefox.evaluate<boolean>(`document.querySelector('[data-node].current').classList.contains('outcome')`)) break;
      await firefox.evaluate(`document.querySelector('[data-node].current button.answer').click()`);
    }
    const outcome = await firefox.evaluate<string>(`document.querySelector('[data-node].current.outcome')?.dataset.node ?? ''`);
    expect(outcome).not.toBe('');
    const url = await firefox.evaluate<string>('location.href');
    expect(url.startsWith(`${fileUrl('decide/index.html')}?path=`) && url.endsWith(`#${outcome}`)).toBe(true);
    const answers = await firefox.evaluate<number>(`document.querySelectorAll('[data-trail-list] li').length`);
    await firefox.reload();
    await waitFor(`document.querySelector('[data-decide].js')`, 'the tree island after reload');
    expect(await firefox.evaluate<string>('location.href')).toBe(url);
    expect(await firefox.evaluate<string>(`document.querySelector('[data-node].current').dataset.node`)).toBe(outcome);
    expect(await firefox.evaluate<number>(`document.querySelectorAll('[data-trail-list] li').length`)).toBe(answers);
    expect(firefox.problems).toEqual([]);
  });

  it.each(['1688', 'VAMT', 'air gapped'])('searches for "%s" and opens a result', async (term) => {
    await firefox.open(fileUrl('search/index.html'));
    await waitFor(`document.querySelector('[data-search] input[type="search"]')`, 'the search box');
    await firefox.evaluate(`(() => { const box = document.querySelector('[data-search] input[type="search"]'); box.value = ${JSON.stringify(term)}; box.dispatchEvent(new Event('input')); })()`);
    await waitFor(`document.querySelector('.portable-search-results > li > h2 > a')`, 'a result');
    expect(await firefox.evaluate<string>('new URLSearchParams(location.search).get("q")')).toBe(term);
    const title = await firefox.evaluate<string>(`document.querySelector('.portable-search-results > li > h2 > a').textContent`);
    await firefox.evaluate(`document.querySelector('.portable-search-results > li > h2 > a').click()`);
    // Between the two pages Firefox may briefly show about:blank: wait for the result page itself.
    await waitFor(`location.protocol === 'file:' && !location.pathname.endsWith('/search/index.html') && document.readyState === 'complete' && document.querySelector('h1')`, 'the result page');
    expect(await firefox.evaluate<string>(`document.querySelector('h1').textContent`)).toContain(title.slice(0, 20));
    expect(firefox.problems).toEqual([]);
  });
});
