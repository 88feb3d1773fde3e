import { defaultFileSettings, FileSettings } from '../../../shared/dropped-files';
import type { SettingsRepository } from '../../db/settings-repository';

const key = 'files.settings';

/** The size limit, the cost above which Parley asks first, and how many parts go at once. */
export function createFileSettings(settings: SettingsRepository) {
  return {
    get(): FileSettings {
      // Parsed field by field, not trusted: a value from an older or newer Parley must not stop files being explained.
      const saved = FileSettings.partial().safeParse(settings.get<unknown>(key) ?? {});
      return { ...defaultFileSettings, ...(saved.success ? saved.data : {}) };
    },
    set(update: FileSettings): FileSettings {
      settings.set(key, update);
      return this.get();
    },
  };
}

export type FileSettingsService = ReturnType<typeof createFileSettings>;
