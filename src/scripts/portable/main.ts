/**
 * The one script of every page of the portable edition, loaded as a classic
 * script (browsers refuse module scripts from file://). It starts what the
 * online pages start, minus the service worker and Pagefind: the theme
 * switch, the reading aids, the decision tree, the decision report's print
 * button, the portable search on the search page, and the search shortcut,
 * which here opens the search page.
 * On paper, links name the live site (print.ts).
 */
import { isSearchShortcut } from '../../lib/search-client';
import { startDecide } from '../decide';
import { startReading } from '../reading';
import { startReport } from '../report';
import { startTheme } from '../theme';
import { startPrintAddresses } from './print';
import { startPortableSearch } from './search';

startTheme();
startReading();
startDecide();
startReport();
startPortableSearch();
startPrintAddresses();

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (event.defaultPrevented || !isSearchShortcut({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, typing })) return;
  event.preventDefault();
  const box = document.querySelector<HTMLInputElement>('[data-search] input[type="search"]');
  const page = document.querySelector<HTMLAnchorElement>('a[data-search-link]');
  if (box) box.focus();
  else if (page) location.href = page.href;
});
