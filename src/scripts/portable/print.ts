import { liveAddress } from '../../lib/portable/live';

/**
 * While the page prints (or is saved as PDF), its links to the copy's pages
 * point to the live site instead, so the paper and the PDF (the decision
 * report for a change board) name addresses anyone can open; afterwards they
 * point back into the copy.
 */
export function startPrintAddresses(): void {
  const { portableRoot, liveSite } = document.documentElement.dataset;
  if (!portableRoot || !liveSite) return;
  const copyRoot = new URL(portableRoot, location.href).href;
  const saved = new Map<HTMLAnchorElement, string>();
  addEventListener('beforeprint', () => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const live = liveAddress(link.href, copyRoot, liveSite);
      if (!live) continue;
      saved.set(link, link.getAttribute('href')!);
      link.setAttribute('href', live);
    }
  });
  addEventListener('afterprint', () => {
    for (const [link, href] of saved) link.setAttribute('href', href);
    saved.clear();
  });
}
