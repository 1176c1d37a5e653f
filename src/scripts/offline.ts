/** Register the service worker that keeps the site and its search available offline. */
export function registerOffline(): void {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
