/**
 * The service worker that keeps the site readable offline (src/lib/offline.ts),
 * and the "Save for offline" control in the footer: it asks the worker to fetch
 * every page and search excerpt not cached yet, and shows how far it has got.
 * On a connection that says it is not metered (Wi-Fi or Ethernet, data saver
 * off) the site is saved without asking.
 */

import { withBase } from '../lib/routes';

interface Progress {
  type: 'offline-progress' | 'offline-status' | 'offline-done';
  done: number;
  total: number;
  failed: number;
}

function unmetered(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean; type?: string } }).connection;
  return !!connection && !connection.saveData && (connection.type === 'wifi' || connection.type === 'ethernet');
}

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
  ask(unmetered() ? 'save' : 'status');
}

/** Register the service worker, and offer to save the whole site. */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(withBase('/sw.js')).catch(() => undefined);
  startSaveControl();
}
