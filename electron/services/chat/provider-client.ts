// Named imports only: in the bundle, 'openai' is a stand-in that loads the SDK at first use (electron/tools/lazy-vendor.ts).
import { AzureOpenAI, OpenAI } from 'openai';
import type { Provider } from '../../../shared/providers';
import { AppError } from '../app-error';
import type { KeyService } from '../secrets/key-service';

/**
 * Azure wants the resource endpoint the portal shows (https://name.openai.azure.com);
 * the SDK adds `/openai`. An address that already ends in `/openai` is used as typed.
 * The URL is always passed as `baseURL`: left to itself the SDK would read
 * OPENAI_BASE_URL, which belongs to the OpenAI entry, and then refuse the endpoint.
 */
export function azureBaseUrl(typed: string): string {
  const trimmed = typed.replace(/\/+$/, '');
  return /\/openai$/.test(trimmed) ? trimmed : `${trimmed}/openai`;
}

/**
 * The SDK client for one provider. Every option the SDK would otherwise read
 * from the environment is given explicitly for added providers, so that
 * OPENAI_API_KEY, OPENAI_ORG_ID or OPENAI_ADMIN_KEY never travel to a third
 * party's server.
 */
export function buildClient(provider: Provider, apiKey: string | null, fetch?: typeof globalThis.fetch): OpenAI {
  const common = { maxRetries: 0, ...(fetch ? { fetch } : {}) };
  const isolated = provider.builtIn ? {} : { organization: null, project: null, adminAPIKey: null };
  if (provider.kind === 'azure') {
    return new AzureOpenAI({
      ...common,
      ...isolated,
      apiKey: apiKey ?? '',
      baseURL: azureBaseUrl(provider.baseUrl),
      apiVersion: provider.apiVersion ?? undefined,
      ...(provider.deployment ? { deployment: provider.deployment } : {}),
    });
  }
  // A local server needs no key: the SDK insists on one, so a placeholder is given and its header removed.
  const keyless = apiKey === null ? { apiKey: 'none', defaultHeaders: { Authorization: null } } : { apiKey };
  return new OpenAI({ ...common, ...isolated, ...keyless, baseURL: provider.baseUrl });
}

/** The key a provider is called with; a compatible server may go without (Ollama, LM Studio). */
export async function apiKeyFor(keys: Pick<KeyService, 'findKey' | 'keychainProblemFor'>, provider: Provider): Promise<string | null> {
  const key = await keys.findKey(provider.id);
  if (key || provider.kind === 'compatible') return key;
  // A locked keyring answers as if no key were saved: say so, rather than ask for a key the person already saved.
  const problem = keys.keychainProblemFor(provider.id);
  if (problem) throw new AppError('KEYCHAIN_UNAVAILABLE', problem);
  throw new AppError(
    'NO_API_KEY',
    provider.builtIn ? 'Add your API key in Settings to start chatting.' : `Add your API key for ${provider.name} in Settings to start chatting.`,
  );
}

/** The model a new answer is written by: the conversation's own, else the provider's default. */
export function modelFor(conversationModel: string | null, provider: Provider): string {
  const model = conversationModel ?? provider.model;
  if (!model) {
    throw new AppError('MODEL_NOT_FOUND', `Choose a model for ${provider.name} in Settings ("Fetch models" lists what it offers).`);
  }
  return model;
}

/**
 * One client per provider, kept while its address, version, deployment and
 * key stay the same (the SDK's connection pool is reused across answers);
 * a change builds a new one.
 */
export function createProviderClients(deps: { keys: Pick<KeyService, 'findKey' | 'keychainProblemFor'>; fetch?: typeof globalThis.fetch }) {
  const clients = new Map<string, { signature: string; client: OpenAI }>();
  return async function clientFor(provider: Provider): Promise<OpenAI> {
    const apiKey = await apiKeyFor(deps.keys, provider);
    const signature = JSON.stringify([provider.kind, provider.baseUrl, provider.apiVersion, provider.deployment, apiKey]);
    const cached = clients.get(provider.id);
    if (cached?.signature === signature) return cached.client;
    const client = buildClient(provider, apiKey, deps.fetch);
    clients.set(provider.id, { signature, client });
    return client;
  };
}

export type ProviderClients = ReturnType<typeof createProviderClients>;
