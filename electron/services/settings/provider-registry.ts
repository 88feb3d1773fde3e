import { z } from 'zod';
import { defaultModelId } from '../../../shared/model-catalogue';
import {
  defaultAzureApiVersion,
  Provider,
  ProviderFallback,
  ProviderKind,
  type AddProviderInput,
  type ProviderList,
  type UpdateProviderInput,
} from '../../../shared/providers';
import type { SettingsRepository } from '../../db/settings-repository';
import { AppError } from '../app-error';

export const builtInProviderId = 'openai';
export const openAiBaseUrl = 'https://api.openai.com/v1';

/** Where each part lives in the settings table. `provider.openai` predates the list and keeps its key. */
const builtInKey = `provider.${builtInProviderId}`;
const addedKey = 'providers.added';
const defaultKey = 'providers.default';

const SavedBuiltIn = z.object({ baseUrl: z.string(), model: z.string(), fallback: ProviderFallback.nullable() }).partial();
const SavedProvider = Provider.omit({ builtIn: true });
type SavedProvider = z.infer<typeof SavedProvider>;

const gone = () => new AppError('NOT_FOUND', 'That provider is no longer in Settings.');

/** "LM Studio" → "lm-studio": readable in the keychain, where the id is the account name. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return slug || 'provider';
}

/**
 * Every provider the person has set up, and which one new conversations use.
 * Values are parsed, not trusted, when read back: an entry written by an
 * older or newer Parley is skipped rather than breaking Settings.
 */
export function createProviderRegistry(settings: SettingsRepository, environmentBaseUrl?: string) {
  function builtIn(): Provider {
    const saved = SavedBuiltIn.safeParse(settings.get<unknown>(builtInKey) ?? {});
    const own = saved.success ? saved.data : {};
    return {
      id: builtInProviderId,
      kind: 'openai',
      name: 'OpenAI',
      baseUrl: own.baseUrl ?? (environmentBaseUrl?.trim() || openAiBaseUrl),
      model: own.model ?? defaultModelId,
      apiVersion: null,
      deployment: null,
      builtIn: true,
      fallback: own.fallback ?? null,
    };
  }

  function added(): SavedProvider[] {
    const raw = settings.get<unknown>(addedKey);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((entry) => {
      const p = SavedProvider.safeParse(entry);
      return p.success && p.data.id !== builtInProviderId ? [p.data] : [];
    });
  }

  function list(): Provider[] {
    return [builtIn(), ...added().map((p) => ({ ...p, fallback: p.fallback ?? null, builtIn: false }))];
  }

  function find(id: string): Provider | undefined {
    return list().find((p) => p.id === id);
  }

  function defaultProviderId(): string {
    const saved = settings.get<unknown>(defaultKey);
    // A default that was removed (or never set) falls back to OpenAI, which cannot be removed.
    return typeof saved === 'string' && find(saved) ? saved : builtInProviderId;
  }

  function snapshot(): ProviderList {
    return { providers: list(), defaultProviderId: defaultProviderId() };
  }

  function saveAdded(providers: SavedProvider[]): void {
    settings.set(addedKey, providers);
  }

  function uniqueId(name: string): string {
    const taken = new Set(list().map((p) => p.id));
    const base = slugOf(name);
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  return {
    list: snapshot,
    defaultProviderId,

    get(id: string): Provider {
      const p = find(id);
      if (!p) throw gone();
      return p;
    },

    /** The provider a conversation talks to: its own, or the default when it has none any more. */
    resolve(id: string | null | undefined): Provider {
      return (id ? find(id) : undefined) ?? find(defaultProviderId())!;
    },

    add(input: AddProviderInput): Provider {
      const kind = ProviderKind.parse(input.kind);
      const provider: SavedProvider = {
        id: uniqueId(input.name),
        kind,
        name: input.name,
        baseUrl: input.baseUrl,
        model: input.model ?? null,
        apiVersion: kind === 'azure' ? (input.apiVersion ?? defaultAzureApiVersion) : null,
        deployment: kind === 'azure' ? (input.deployment ?? null) : null,
        fallback: null,
      };
      saveAdded([...added(), provider]);
      return { ...provider, builtIn: false };
    },

    update(input: UpdateProviderInput): Provider {
      const current = find(input.id);
      if (!current) throw gone();
      if (current.kind !== 'azure' && (input.apiVersion !== undefined || input.deployment != null)) {
        throw new AppError('BAD_INPUT', 'Only an Azure provider has an api-version and a deployment.');
      }
      if (input.fallback) {
        if (input.fallback.providerId === current.id && input.fallback.model === (input.model ?? current.model)) {
          throw new AppError('BAD_INPUT', 'A fallback must be another model or another provider.');
        }
        if (!find(input.fallback.providerId)) throw new AppError('NOT_FOUND', 'The fallback provider is no longer in Settings.');
      }
      if (current.builtIn) {
        if (input.name !== undefined && input.name !== current.name) throw new AppError('BAD_INPUT', 'The OpenAI entry keeps its name.');
        if (input.model === null) throw new AppError('BAD_INPUT', 'OpenAI needs a model.');
        const saved = SavedBuiltIn.safeParse(settings.get<unknown>(builtInKey) ?? {});
        settings.set(builtInKey, {
          ...(saved.success ? saved.data : {}),
          ...(input.baseUrl !== undefined ? { baseUrl: input.baseUrl } : {}),
          ...(input.model ? { model: input.model } : {}),
          ...(input.fallback !== undefined ? { fallback: input.fallback } : {}),
        });
        return builtIn();
      }
      const { id, ...changes } = input;
      const next = added().map((p) => (p.id === id ? { ...p, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } : p));
      saveAdded(next);
      const updated = next.find((p) => p.id === id)!;
      return { ...updated, fallback: updated.fallback ?? null, builtIn: false };
    },

    /** Conversations that used it move to the default provider when they next send. */
    remove(id: string): ProviderList {
      if (id === builtInProviderId) throw new AppError('BAD_INPUT', 'The OpenAI entry cannot be removed; choose another default instead.');
      const before = added();
      if (!before.some((p) => p.id === id)) throw gone();
      // A fallback to the removed provider would only fail when it is needed most.
      saveAdded(before.filter((p) => p.id !== id).map((p) => (p.fallback?.providerId === id ? { ...p, fallback: null } : p)));
      const own = SavedBuiltIn.safeParse(settings.get<unknown>(builtInKey) ?? {});
      if (own.success && own.data.fallback?.providerId === id) settings.set(builtInKey, { ...own.data, fallback: null });
      return snapshot();
    },

    setDefault(id: string): ProviderList {
      if (!find(id)) throw gone();
      settings.set(defaultKey, id);
      return snapshot();
    },
  };
}

export type ProviderRegistry = ReturnType<typeof createProviderRegistry>;
