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

// Outside the state, like chat-defaults-fields' ref: the load must see a choice made while it was on its way.
let chosen = false;

export const useAppearanceStore = create<AppearanceState>((set) => ({
  theme: 'system',
  async load() {
    const { theme } = await unwrap(parley.settings.getAppearance({}));
    // A theme picked before the saved one arrived is newer than it (and is being saved): it stays.
    if (chosen) return;
    apply(theme);
    set({ theme });
  },
  async setTheme(theme) {
    chosen = true;
    apply(theme); // at once, before the round trip: the person is looking at it
    set({ theme });
    await unwrap(parley.settings.setAppearance({ theme }));
  },
}));
