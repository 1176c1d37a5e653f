/** Where the reader's choice of light or dark is kept (localStorage); absent means follow the system. */
export const THEME_KEY = 'theme';

export type ThemeChoice = 'auto' | 'light' | 'dark';

/** A stored value as a choice: anything but "light" or "dark" follows the system. */
export function themeChoice(stored: string | null): ThemeChoice {
  return stored === 'light' || stored === 'dark' ? stored : 'auto';
}
