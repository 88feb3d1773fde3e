import { create } from 'zustand';
import type { KeyStatus } from '../../shared/domain';
import type { AddProviderInput, ConnectionCheck, LocalServer, Provider, UpdateProviderInput } from '../../shared/providers';
import { parley, unwrap } from '../api/parley';
import { useSettingsStore } from './settings-store';

/** What the last "Test connection" said, per provider, until the next test. */
export type ConnectionResult = { ok: true; check: ConnectionCheck } | { ok: false; message: string };

interface ProvidersState {
  providers: Provider[];
  defaultProviderId: string | null;
  keys: Record<string, KeyStatus>;
  /** Models a "Fetch models" found, per provider. */
  models: Record<string, string[]>;
  connection: Record<string, ConnectionResult>;
  localServers: LocalServer[];
  /** The list and each key's status. */
  refresh(): Promise<void>;
  /** The list, and the local servers the first-run probe found: what Settings shows. */
  load(): Promise<void>;
  add(input: AddProviderInput, key: string): Promise<Provider>;
  remove(id: string): Promise<void>;
  setDefault(id: string): Promise<void>;
  setModel(id: string, model: string): Promise<void>;
  update(change: UpdateProviderInput): Promise<void>;
  saveKey(id: string, key: string): Promise<void>;
  fetchModels(id: string): Promise<void>;
  test(id: string): Promise<void>;
  adoptLocalServer(server: LocalServer): Promise<void>;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/** The default provider is what the Provider fields above the list edit, so they follow any change to it. */
const refreshDefault = () => useSettingsStore.getState().load();

export const useProvidersStore = create<ProvidersState>((set, get) => {
  async function loadKeys(providers: Provider[]): Promise<Record<string, KeyStatus>> {
    const statuses = await Promise.all(providers.map((p) => unwrap(parley.secrets.status({ providerId: p.id }))));
    return Object.fromEntries(statuses.map((s) => [s.providerId, s]));
  }

  async function reload(): Promise<void> {
    const list = await unwrap(parley.providers.list({}));
    set({ providers: list.providers, defaultProviderId: list.defaultProviderId, keys: await loadKeys(list.providers) });
  }

  /** Where no keychain exists the key is kept for the session, as the Provider fields above do. */
  async function storeKey(providerId: string, key: string): Promise<void> {
    const keychainMissing = Object.values(get().keys).some((k) => !k.keychainAvailable);
    const status = await unwrap(parley.secrets.setKey({ providerId, key, sessionOnly: keychainMissing }));
    set((s) => ({ keys: { ...s.keys, [providerId]: status } }));
  }

  return {
    providers: [],
    defaultProviderId: null,
    keys: {},
    models: {},
    connection: {},
    localServers: [],

    refresh: reload,

    async load() {
      await reload();
      set({ localServers: (await unwrap(parley.providers.detectLocal({}))).servers });
    },

    async add(input, key) {
      const provider = await unwrap(parley.providers.add(input));
      await reload();
      if (key.trim()) await storeKey(provider.id, key);
      return provider;
    },

    async remove(id) {
      const list = await unwrap(parley.providers.remove({ id }));
      set({ providers: list.providers, defaultProviderId: list.defaultProviderId });
      await refreshDefault();
    },

    async setDefault(id) {
      const list = await unwrap(parley.providers.setDefault({ id }));
      set({ providers: list.providers, defaultProviderId: list.defaultProviderId });
      await refreshDefault();
    },

    async setModel(id, model) {
      await get().update({ id, model });
    },

    async update(change) {
      const updated = await unwrap(parley.providers.update(change));
      // A result from before the change no longer says anything about the new address.
      set((s) => ({ providers: s.providers.map((p) => (p.id === change.id ? updated : p)), connection: without(s.connection, change.id) }));
      if (change.id === get().defaultProviderId) await refreshDefault();
    },

    saveKey: storeKey,

    async fetchModels(id) {
      const { models } = await unwrap(parley.providers.models({ providerId: id }));
      set((s) => ({ models: { ...s.models, [id]: models } }));
    },

    async test(id) {
      const result = await parley.providers.test({ providerId: id });
      const outcome: ConnectionResult = result.ok ? { ok: true, check: result.value } : { ok: false, message: result.error.message };
      set((s) => ({ connection: { ...s.connection, [id]: outcome } }));
    },

    async adoptLocalServer(server) {
      const provider = await get().add({ kind: 'compatible', name: server.name, baseUrl: server.baseUrl, ...(server.models[0] ? { model: server.models[0] } : {}) }, '');
      await get().setDefault(provider.id);
      set((s) => ({ localServers: s.localServers.filter((l) => l.baseUrl !== server.baseUrl), models: { ...s.models, [provider.id]: server.models } }));
    },
  };
});

/**
 * Loads the list at start-up (chat options read each conversation's provider from it) and says whether
 * the default needs a key: a compatible server (a local Ollama) works without one, so a missing key is
 * no reason to open Settings.
 */
export async function defaultProviderNeedsKey(): Promise<boolean> {
  await useProvidersStore.getState().refresh();
  const { providers, defaultProviderId } = useProvidersStore.getState();
  return providers.find((p) => p.id === defaultProviderId)?.kind !== 'compatible';
}
