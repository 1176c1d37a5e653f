/**
 * The service worker that keeps the pages read available offline (src/scripts/sw.ts),
 * and the "Save for offline use" control: only when the reader asks, it has the
 * worker fetch the rest of the site, search included, and shows how far it has got.
 * The first control on the page is the one used: the footer's, or the one under
 * the worker's "not saved for offline reading" notice.
 */

import type { OfflineProgress as Progress } from '../lib/offline';
import { withBase } from '../lib/routes';

function startSaveControl(): void {
  const control = document.querySelector<HTMLElement>('[data-offline]');
  const button = control?.querySelector('button');
  const status = control?.querySelector<HTMLElement>('[data-offline-status]');
  if (!control || !button || !status) return;
  const ask = (type: 'save' | 'status') => navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type }));
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<Progress>) => {
    const { type, done, total, failed } = event.data ?? {};
    if (type === 'offline-done' && !failed) {
      status.textContent = 'Saved: every page and search work without a connection.';
      button.hidden = true;
    } else if (type === 'offline-done') {
      status.textContent = `${failed} of ${total} files could not be saved; try again when the connection is better.`;
      button.disabled = false;
    } else if (type === 'offline-progress') status.textContent = `Saving for offline use: ${done} of ${total}…`;
  });
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = 'Saving for offline use…';
    ask('save');
  });
  control.hidden = false;
  ask('status');
}

/** Register the service worker, and offer to save the whole site: nothing beyond the page is fetched until the reader asks. */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(withBase('/sw.js')).catch(() => undefined);
  startSaveControl();
}
