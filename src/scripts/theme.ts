/**
 * The light / dark / auto switch in the header. The choice is kept in
 * localStorage; an inline script in <head> (src/layouts/Base.astro) applies it
 * before the first paint, so there is no flash of the other theme.
 */
import { THEME_KEY, themeChoice } from '../lib/theme';

export function startTheme(): void {
  const control = document.querySelector<HTMLElement>('[data-theme-switch]');
  const select = control?.querySelector('select');
  if (!control || !select) return;
  const stored = () => {
    try {
      return localStorage.getItem(THEME_KEY);
    } catch {
      return null;
    }
  };
  select.value = themeChoice(stored());
  control.hidden = false;
  select.addEventListener('change', () => {
    const choice = themeChoice(select.value);
    try {
      if (choice === 'auto') localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, choice);
    } catch {
      // Storage refused (private mode): the choice holds for this page only.
    }
    if (choice === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = choice;
  });
}
