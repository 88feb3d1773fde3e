import { performance } from 'node:perf_hooks';
import type { AddProviderInput, ConnectionCheck, LocalServer, Provider, ProviderList, UpdateProviderInput } from '../../../shared/providers';
import { AppError } from '../app-error';
import { buildClient, apiKeyFor } from '../chat/provider-client';
import type { KeyService } from '../secrets/key-service';
import type { ProviderSettingsService } from '../settings/provider-settings';
import { defaultLocalProbeUrls, probeLocalServers, type LocalProbeUrls } from './local-server-probe';
import { providerError } from './provider-errors';
import type { Logger } from '../logging/logger';
import { errorCode } from '../logging/redaction';

/** Listing models is quick everywhere; a server that takes longer is as good as unreachable for Settings. */
const listTimeoutMs = 10_000;

export interface ProviderServiceDeps {
  provider: ProviderSettingsService;
  keys: KeyService;
  fetch?: typeof globalThis.fetch;
  localProbeUrls?: LocalProbeUrls;
  localProbeTimeoutMs?: number;
  /** Failed model listings and connection tests, by provider, code and status. */
  log?: Logger;
}

/** The providers section of Settings: the list, each provider's models, a connection test, and local servers found at first run. */
export function createProviderService(deps: ProviderServiceDeps) {
  const registry = deps.provider.registry;
  let firstRun: Promise<LocalServer[]> = Promise.resolve([]);

  async function modelsOf(provider: Provider): Promise<string[]> {
    try {
      // A fresh client: a settings check must use exactly what is saved now, and must not disturb a chat's client.
      const client = buildClient(provider, await apiKeyFor(deps.keys, provider), deps.fetch);
      const page = await client.models.list({ timeout: listTimeoutMs });
      if (!Array.isArray(page.data)) throw new AppError('BAD_RESPONSE', `${provider.name} answered, but not with a list of models.`);
      return [...new Set(page.data.map((m) => m.id).filter((id): id is string => typeof id === 'string'))].sort((a, b) => a.localeCompare(b));
    } catch (err) {
      // Said in Settings itself, so "add it in Settings" would point to where the person already is.
      if (err instanceof AppError && err.code === 'NO_API_KEY') throw new AppError('NO_API_KEY', `Save a key for ${provider.name} first.`);
      const mapped = providerError(err, provider);
      deps.log?.warn('providers', 'Listing the models failed', { providerId: provider.id, kind: provider.kind, code: mapped.code, ...errorCode(err) });
      throw mapped;
    }
  }

  return {
    list: (): ProviderList => registry.list(),
    add: (input: AddProviderInput): Provider => registry.add(input),
    update: (input: UpdateProviderInput): Provider => registry.update(input),
    setDefault: (id: string): ProviderList => registry.setDefault(id),

    /** Its key goes with it, so nothing is left in the keychain for a provider that no longer exists. */
    async remove(id: string): Promise<ProviderList> {
      const list = registry.remove(id);
      await deps.keys.deleteKey(id).catch(() => undefined);
      return list;
    },

    async models(providerId: string): Promise<{ models: string[] }> {
      return { models: await modelsOf(registry.get(providerId)) };
    },

    /**
     * Lists the models: the cheapest call that needs the address, the key and
     * a working server, and costs nothing. (OpenRouter lists models without a
     * key, so a wrong key there shows only when chatting.)
     */
    async test(providerId: string): Promise<ConnectionCheck> {
      const provider = registry.get(providerId);
      const started = performance.now();
      const models = await modelsOf(provider);
      return { latencyMs: Math.round(performance.now() - started), modelCount: models.length };
    },

    /**
     * On first run (nothing added, no OpenAI key anywhere) probes the default
     * ports of Ollama and LM Studio in the background; start-up never waits for it.
     */
    startFirstRunProbe(): void {
      if (registry.list().providers.length > 1) return;
      const urls = deps.localProbeUrls ?? defaultLocalProbeUrls;
      firstRun = deps.keys
        .findKey(registry.defaultProviderId())
        .catch(() => null)
        .then((key) => (key ? [] : probeLocalServers(urls, deps.fetch, deps.localProbeTimeoutMs)))
        .catch(() => []);
    },

    /** What the first-run probe found, less any server already added as a provider. */
    async detectLocal(): Promise<{ servers: LocalServer[] }> {
      const found = await firstRun;
      const added = new Set(registry.list().providers.map((p) => p.baseUrl.replace(/\/+$/, '')));
      return { servers: found.filter((s) => !added.has(s.baseUrl.replace(/\/+$/, ''))) };
    },
  };
}

export type ProviderService = ReturnType<typeof createProviderService>;
