import { short, type Place, type Report } from './report';

/** URL schemes that run code or carry a whole document. */
const UNSAFE_SCHEME = /^(javascript|vbscript|data):/;

/**
 * What a local image may be called: a relative path of plain names ending in
 * an image extension. Astro imports a local image as a module, so anything
 * else (`x.mjs?y.png`, `x.mjs%3Fy.png`, `/@fs/…`, `c:x.mjs`) could load code.
 */
const LOCAL_IMAGE = /^(?:\/|(?:\.{1,2}\/)*)(?:[\w-][\w.-]*\/)*[\w-][\w.-]*\.(png|jpe?g|gif|webp|avif)$/i;

/** Whether a local image is named as the build may import it: a plain path to an image file. */
export function isLocalImagePath(url: string): boolean {
  return LOCAL_IMAGE.test(url);
}

/** Links and attributes: no `javascript:`, `vbscript:` or `data:` URL, however it is written. */
export function checkUrl(report: Report, url: string, what: string, at: Place | undefined): void {
  // Browsers ignore case, whitespace and control characters in a scheme.
  // eslint-disable-next-line no-control-regex
  const scheme = UNSAFE_SCHEME.exec(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase())?.[1];
  if (!scheme) return;
  report(
    at,
    'safety/url',
    scheme === 'data'
      ? `${what} "${short(url)}", a data: URL, which can carry a whole page or script`
      : `${what} "${short(url)}", a ${scheme}: URL, which runs code when it is opened`,
    what === 'image' ? 'put the image file next to the article and point to it by path' : 'link to an https:// address or a path on this site',
  );
}

/**
 * Images: never from another site (the reader's browser would tell that site
 * who reads the page, and the offline edition would miss it), and a local one
 * only by a plain relative path to an image file.
 */
export function checkImage(report: Report, url: string, at: Place | undefined): void {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && UNSAFE_SCHEME.test(url.toLowerCase())) return; // checkUrl reports it
  if (/^(https?:)?\/\//i.test(url.trim())) {
    report(
      at,
      'safety/remote-image',
      `image "${short(url)}" is loaded from another site: that site would learn who reads this page, and the offline edition would miss it`,
      'save the image next to the article and point to it by a relative path',
    );
    return;
  }
  if (!LOCAL_IMAGE.test(url)) {
    report(
      at,
      'safety/url',
      `image "${short(url)}" is not an image file: Astro imports a local image as a module, so this would run as code when the site is built`,
      'use a .png, .jpg, .jpeg, .gif, .webp or .avif file',
    );
  }
}
