import { defaultPromptTemplates, type PromptTemplate } from '../../../shared/prompt-templates';
import type { SettingsRepository } from '../../db/settings-repository';
import { AppError } from '../app-error';

const key = 'promptTemplates';

/** The person's template library, starting from the defaults; kept in the settings table as one list. */
export function createPromptTemplateLibrary(settings: SettingsRepository) {
  const list = (): PromptTemplate[] => settings.get<PromptTemplate[]>(key) ?? defaultPromptTemplates;
  return {
    list,
    save(template: PromptTemplate): PromptTemplate[] {
      const current = list();
      const at = current.findIndex((t) => t.id === template.id);
      const next = at < 0 ? [...current, template] : current.map((t) => (t.id === template.id ? template : t));
      settings.set(key, next);
      return next;
    },
    remove(id: string): PromptTemplate[] {
      const current = list();
      if (!current.some((t) => t.id === id)) throw new AppError('NOT_FOUND', 'That template no longer exists.');
      const next = current.filter((t) => t.id !== id);
      settings.set(key, next);
      return next;
    },
    reset(): PromptTemplate[] {
      settings.set(key, defaultPromptTemplates);
      return defaultPromptTemplates;
    },
  };
}

export type PromptTemplateLibrary = ReturnType<typeof createPromptTemplateLibrary>;
