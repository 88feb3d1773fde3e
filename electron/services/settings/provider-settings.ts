import type { ProviderSettings } from '../../../shared/domain';
import { defaultModelId } from '../../../shared/model-catalogue';
import type { SettingsRepository } from '../../db/settings-repository';

export const defaultProviderId = 'openai';
export const openAiBaseUrl = 'https://api.openai.com/v1';

/**
 * The provider Parley talks to. OPENAI_BASE_URL, the SDK's own convention,
 * sets the default base URL; what the person saves in Settings wins over it.
 * The base URL is used exactly as typed (no path is added or removed), since
 * OpenAI-compatible servers disagree on where their `/v1` lives.
 */
export function createProviderSettings(settings: SettingsRepository, environmentBaseUrl?: string) {
  const key = `provider.${defaultProviderId}`;
  const defaults = (): ProviderSettings => ({
    id: defaultProviderId,
    name: 'OpenAI',
    baseUrl: environmentBaseUrl?.trim() || openAiBaseUrl,
    model: defaultModelId,
  });

  return {
    get(): ProviderSettings {
      const saved = settings.get<Partial<Pick<ProviderSettings, 'baseUrl' | 'model'>>>(key) ?? {};
      return { ...defaults(), ...saved };
    },
    set(update: Pick<ProviderSettings, 'baseUrl' | 'model'>): ProviderSettings {
      settings.set(key, { baseUrl: update.baseUrl, model: update.model });
      return this.get();
    },
  };
}

export type ProviderSettingsService = ReturnType<typeof createProviderSettings>;
