import type { ProviderSettings } from '../../../shared/domain';
import type { Provider } from '../../../shared/providers';
import type { SettingsRepository } from '../../db/settings-repository';
import { builtInProviderId, createProviderRegistry, openAiBaseUrl } from './provider-registry';

export const defaultProviderId = builtInProviderId;
export { openAiBaseUrl };

/**
 * The provider Parley talks to. OPENAI_BASE_URL, the SDK's own convention,
 * sets the OpenAI entry's default base URL; what the person saves in
 * Settings wins over it. The base URL is used exactly as typed (no path is
 * added or removed), since OpenAI-compatible servers disagree on where their
 * `/v1` lives.
 *
 * `get` and `set` speak of the default provider, the one new conversations
 * use; the full list is in `registry`. `conversationProvider` looks up the
 * provider a conversation was started with.
 */
export function createProviderSettings(
  settings: SettingsRepository,
  environmentBaseUrl?: string,
  conversationProvider: (conversationId: string) => string | undefined = () => undefined,
) {
  const registry = createProviderRegistry(settings, environmentBaseUrl);
  const summary = (p: Provider): ProviderSettings => ({ id: p.id, name: p.name, baseUrl: p.baseUrl, model: p.model ?? '' });

  return {
    registry,
    get(): ProviderSettings {
      return summary(registry.resolve(null));
    },
    set(update: Pick<ProviderSettings, 'baseUrl' | 'model'>): ProviderSettings {
      registry.update({ id: registry.defaultProviderId(), baseUrl: update.baseUrl, model: update.model });
      return this.get();
    },
    /** The provider of a conversation, or the default for one not yet created or whose provider was removed. */
    forConversation(conversationId: string | undefined): Provider {
      return registry.resolve(conversationId ? conversationProvider(conversationId) : null);
    },
  };
}

export type ProviderSettingsService = ReturnType<typeof createProviderSettings>;
