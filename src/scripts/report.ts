/**
 * "Print or save this decision": shows the button where JavaScript runs (the
 * hint to use the browser's Print command stays for everyone else) and prints
 * the page, whose print stylesheet makes it a one-page report.
 */
export function startReport(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => print());
  }
  for (const hint of document.querySelectorAll<HTMLElement>('[data-print-hint]')) hint.hidden = true;
}
