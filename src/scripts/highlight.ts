/**
 * On a page opened from a search result: mark the searched words in the
 * article body with Pagefind's own highlighter, loaded only when the URL
 * carries them (HIGHLIGHT_PARAM). The browser has already scrolled to the
 * result's section, if it had one; header, menus and footers are left alone,
 * and nothing happens when the words are not on the page.
 */
import { HIGHLIGHT_PARAM, PAGEFIND_BUNDLE } from '../lib/search-client';
import { withBase } from '../lib/routes';

interface HighlightConstructor {
  new (options: object): unknown;
}

export function highlightSearchedWords(): void {
  if (!new URLSearchParams(location.search).get(HIGHLIGHT_PARAM)?.trim()) return;
  // A module script rather than import(), which would bring a loader into the script every page shares.
  const script = document.createElement('script');
  script.type = 'module';
  script.src = withBase(`${PAGEFIND_BUNDLE}pagefind-highlight.js`);
  script.addEventListener('load', () => {
    const Highlight = (window as unknown as { PagefindHighlight?: HighlightConstructor }).PagefindHighlight;
    if (!Highlight) return;
    new Highlight({
      highlightParam: HIGHLIGHT_PARAM,
      // Its default adds a <style> element, which the Content-Security-Policy blocks: global.css styles the marks.
      addStyles: false,
      markOptions: { className: 'search-highlight', exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'] },
    });
  });
  document.head.append(script);
}
