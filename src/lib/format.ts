// Made once: creating an Intl.DateTimeFormat costs far more than formatting with it.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-11-27` → `27 November 2026`, in UTC so the build machine's zone never shifts a day. */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** `2026-11-27`, for `<time datetime>` and sitemaps. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
