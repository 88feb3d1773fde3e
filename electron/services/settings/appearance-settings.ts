import type { Appearance } from '../../../shared/appearance';
import type { SettingsRepository } from '../../db/settings-repository';

const key = 'appearance';
const defaults: Appearance = { theme: 'system' };

export function createAppearanceSettings(settings: SettingsRepository) {
  return {
    get: (): Appearance => ({ ...defaults, ...settings.get<Partial<Appearance>>(key) }),
    set(update: Appearance): Appearance {
      settings.set(key, update);
      return this.get();
    },
  };
}

export type AppearanceSettings = ReturnType<typeof createAppearanceSettings>;
