import type { KeyStatus } from '../../../shared/domain';
import { AppError } from '../app-error';
import type { SecretStore } from './secret-store';
import { createSessionSecretStore } from './session-secret-store';

export interface KeyServiceOptions {
  keychain: SecretStore;
  /** Keys from the environment (OPENAI_API_KEY), by provider; read, never written anywhere. */
  environmentKeys?: Record<string, string | undefined>;
}

/**
 * Resolves the key for a provider and reports on it without revealing it.
 * Order: a key the person saved (keychain, or this session) wins over the
 * environment, so pasting a new key always takes effect.
 */
export function createKeyService({ keychain, environmentKeys = {} }: KeyServiceOptions) {
  const session = createSessionSecretStore();

  async function keychainProblem(): Promise<string | null> {
    return keychain.problem();
  }

  async function resolve(providerId: string): Promise<{ key: string; source: KeyStatus['source'] } | null> {
    const fromSession = await session.get(providerId);
    if (fromSession) return { key: fromSession, source: 'session' };
    if ((await keychainProblem()) === null) {
      const fromKeychain = await keychain.get(providerId);
      if (fromKeychain) return { key: fromKeychain, source: 'keychain' };
    }
    const fromEnv = environmentKeys[providerId]?.trim();
    if (fromEnv) return { key: fromEnv, source: 'environment' };
    return null;
  }

  async function status(providerId: string): Promise<KeyStatus> {
    const problem = await keychainProblem();
    const found = await resolve(providerId);
    return {
      providerId,
      hasKey: found !== null,
      last4: found ? found.key.slice(-4) : null,
      source: found?.source ?? null,
      keychainAvailable: problem === null,
      keychainProblem: problem,
    };
  }

  return {
    status,
    /** The key, or null: for providers that work without one (a local Ollama). */
    async findKey(providerId: string): Promise<string | null> {
      return (await resolve(providerId))?.key ?? null;
    },
    async getKey(providerId: string): Promise<string> {
      const found = await resolve(providerId);
      if (!found) throw new AppError('NO_API_KEY', 'Add your API key in Settings to start chatting.');
      return found.key;
    },
    async setKey(providerId: string, key: string, sessionOnly = false): Promise<KeyStatus> {
      if (sessionOnly) {
        await session.set(providerId, key);
      } else {
        const problem = await keychainProblem();
        if (problem) throw new AppError('KEYCHAIN_UNAVAILABLE', problem);
        await keychain.set(providerId, key);
        await session.delete(providerId);
      }
      return status(providerId);
    },
    async deleteKey(providerId: string): Promise<KeyStatus> {
      await session.delete(providerId);
      if ((await keychainProblem()) === null) await keychain.delete(providerId);
      return status(providerId);
    },
  };
}

export type KeyService = ReturnType<typeof createKeyService>;
