import { create } from 'zustand';
import type { KeyStatus, ProviderSettings } from '../../shared/domain';
import { parley, unwrap } from '../api/parley';

interface SettingsState {
  open: boolean;
  provider: ProviderSettings | null;
  key: KeyStatus | null;
  load(): Promise<void>;
  setOpen(open: boolean): void;
  saveProvider(baseUrl: string, model: string): Promise<void>;
  saveKey(key: string, sessionOnly: boolean): Promise<void>;
  removeKey(): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set, get) => ({
  open: false,
  provider: null,
  key: null,

  async load() {
    const provider = await unwrap(parley.settings.getProvider({}));
    const key = await unwrap(parley.secrets.status({ providerId: provider.id }));
    set({ provider, key });
  },
  setOpen: (open) => set({ open }),
  async saveProvider(baseUrl, model) {
    set({ provider: await unwrap(parley.settings.setProvider({ baseUrl, model })) });
  },
  async saveKey(key, sessionOnly) {
    const providerId = get().provider?.id ?? 'openai';
    set({ key: await unwrap(parley.secrets.setKey({ providerId, key, sessionOnly })) });
  },
  async removeKey() {
    const providerId = get().provider?.id ?? 'openai';
    set({ key: await unwrap(parley.secrets.deleteKey({ providerId })) });
  },
}));
