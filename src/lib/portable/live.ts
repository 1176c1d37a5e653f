/**
 * The live site's address of a page of the portable copy, for what leaves the
 * copy: a printed or saved page (the decision report) names the live pages,
 * not paths into a folder on someone's disk. Runs in the browser.
 */

/**
 * `https://site/factors/kms/branch-offices/#what-to-do` for the copy's
 * `file:///…/copy/factors/kms/branch-offices/index.html#what-to-do`, given the
 * copy's root (`file:///…/copy/`) and the live site's address; undefined for a
 * URL outside the copy.
 */
export function liveAddress(url: string, copyRoot: string, liveSite: string): string | undefined {
  if (!url.startsWith(copyRoot)) return undefined;
  const cut = url.search(/[?#]/);
  const path = (cut < 0 ? url : url.slice(0, cut)).slice(copyRoot.length).replace(/(^|\/)index\.html$/, '$1');
  return `${liveSite.replace(/\/+$/, '')}/${path}${cut < 0 ? '' : url.slice(cut)}`;
}
