/** Where the reader's choice of light or dark is kept (localStorage); absent means follow the system. */
export const THEME_KEY = 'theme';

export type ThemeChoice = 'auto' | 'light' | 'dark';

/** A stored value as a choice: anything but "light" or "dark" follows the system. */
export function themeChoice(stored: string | null): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'auto';
}

/**
 * The script in <head> that applies a stored choice before the first paint, so
 * the page never flashes the other theme. Inline, with its hash in the
 * Content-Security-Policy (src/lib/csp.ts).
 */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
