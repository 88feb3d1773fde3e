import type { SecretStore } from './secret-store';

/** Keys kept in memory only, gone when Parley quits: the person's explicit choice when no keychain exists. */
export function createSessionSecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    kind: 'session',
    get: async (account) => secrets.get(account) ?? null,
    set: async (account, secret) => void secrets.set(account, secret),
    delete: async (account) => secrets.delete(account),
    problem: async () => null,
  };
}
