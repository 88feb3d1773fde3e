import { create } from 'zustand';
import type { Theme } from '../../shared/appearance';
import { parley, unwrap } from '../api/parley';

interface AppearanceState {
  theme: Theme;
  load(): Promise<void>;
  setTheme(theme: Theme): Promise<void>;
}

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export const useAppearanceStore = create<AppearanceState>((set) => ({
  theme: 'system',
  async load() {
    const { theme } = await unwrap(parley.settings.getAppearance({}));
    apply(theme);
    set({ theme });
  },
  async setTheme(theme) {
    apply(theme); // at once, before the round trip: the person is looking at it
    set({ theme });
    await unwrap(parley.settings.setAppearance({ theme }));
  },
}));
