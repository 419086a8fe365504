// Light or dark: the person's choice, remembered in this browser; until they choose, the
// system's preference (prefers-color-scheme). styles.css draws both from `data-theme` on <html>.

export type Theme = 'light' | 'dark';

const KEY = 'weft.theme';

const systemDark = () => typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

function stored(): Theme | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined; // storage blocked: the system's preference still applies
  }
}

class ThemeState {
  current = $state<Theme>(stored() ?? (systemDark() ? 'dark' : 'light'));

  constructor() {
    this.apply();
    // Until a choice is stored, follow the system when it switches (at sunset, say).
    if (typeof matchMedia === 'function') {
      matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
        if (stored()) return;
        this.current = e.matches ? 'dark' : 'light';
        this.apply();
      });
    }
  }

  toggle(): void {
    this.current = this.current === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, this.current);
    } catch {
      // Not remembered, but applied for this page.
    }
    this.apply();
  }

  private apply(): void {
    document.documentElement.dataset.theme = this.current;
  }
}

export const theme = new ThemeState();
