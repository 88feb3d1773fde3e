import type { KeyStatus } from '../../../shared/domain';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import type { SecretStore } from './secret-store';
import { createSessionSecretStore } from './session-secret-store';

export interface KeyServiceOptions {
  keychain: SecretStore;
  /** Keys from the environment (OPENAI_API_KEY), by provider; read, never written anywhere. */
  environmentKeys?: Record<string, string | undefined>;
  /** Told the text of every key Parley reads or is given, so the log can scrub it. */
  onKeySeen?: (key: string) => void;
  log?: Logger;
}

interface Resolved {
  found: { key: string; source: KeyStatus['source'] } | null;
  /** Why the keychain could not be asked or read (missing, locked); null when it answered. */
  problem: string | null;
}

/**
 * Resolves the key for a provider and reports on it without revealing it.
 * Order: a key the person saved (keychain, or this session) wins over the
 * environment, so pasting a new key always takes effect.
 *
 * A keychain that cannot be read (none, or locked) is never taken to mean
 * "no key saved": nothing is written to it or deleted from it then, and the
 * person is told why rather than asked for a key they may already have saved.
 */
export function createKeyService({ keychain, environmentKeys = {}, onKeySeen, log }: KeyServiceOptions) {
  const session = createSessionSecretStore();
  let lastProblem: string | null = null;
  /** The keychain problem last met while looking for each provider's key and finding none. */
  const unreadable = new Map<string, string>();

  function noteProblem(problem: string | null): void {
    if (problem === lastProblem) return;
    lastProblem = problem;
    if (problem) log?.warn('keychain', 'The keychain cannot be used', { reason: problem });
    else log?.info('keychain', 'The keychain is usable');
  }

  function seen(found: Resolved['found']): Resolved['found'] {
    if (found) onKeySeen?.(found.key);
    return found;
  }

  async function resolve(providerId: string): Promise<Resolved> {
    const fromSession = await session.get(providerId);
    let problem = await keychain.problem();
    if (fromSession) return { found: seen({ key: fromSession, source: 'session' }), problem };
    if (problem === null) {
      try {
        const fromKeychain = await keychain.get(providerId);
        if (fromKeychain) return { found: seen({ key: fromKeychain, source: 'keychain' }), problem };
      } catch (err) {
        // Locked since `problem()` answered, or a read that failed: the key may well be there.
        if (!(err instanceof AppError && err.code === 'KEYCHAIN_UNAVAILABLE')) throw err;
        problem = err.message;
      }
    }
    noteProblem(problem);
    const fromEnv = environmentKeys[providerId]?.trim();
    if (fromEnv) return { found: seen({ key: fromEnv, source: 'environment' }), problem };
    if (problem) unreadable.set(providerId, problem);
    else unreadable.delete(providerId);
    return { found: null, problem };
  }

  async function status(providerId: string): Promise<KeyStatus> {
    const { found, problem } = await resolve(providerId);
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
      return (await resolve(providerId)).found?.key ?? null;
    },
    /** After findKey found nothing: why the keychain could not say whether a key is saved (locked, missing), or null. */
    keychainProblemFor(providerId: string): string | null {
      return unreadable.get(providerId) ?? null;
    },
    async getKey(providerId: string): Promise<string> {
      const { found, problem } = await resolve(providerId);
      if (found) return found.key;
      if (problem) throw new AppError('KEYCHAIN_UNAVAILABLE', problem);
      throw new AppError('NO_API_KEY', 'Add your API key in Settings to start chatting.');
    },
    async setKey(providerId: string, key: string, sessionOnly = false): Promise<KeyStatus> {
      onKeySeen?.(key);
      if (sessionOnly) {
        await session.set(providerId, key);
      } else {
        const problem = await keychain.problem();
        noteProblem(problem);
        if (problem) throw new AppError('KEYCHAIN_UNAVAILABLE', problem);
        await keychain.set(providerId, key);
        await session.delete(providerId);
        log?.info('keychain', 'Key saved in the keychain', { providerId });
      }
      return status(providerId);
    },
    async deleteKey(providerId: string): Promise<KeyStatus> {
      const hadSessionKey = await session.delete(providerId);
      const problem = await keychain.problem();
      noteProblem(problem);
      // A keychain that cannot be read cannot say whether a key is there: it is left as it is, and the person told why.
      if (problem !== null && !hadSessionKey) throw new AppError('KEYCHAIN_UNAVAILABLE', problem);
      if (problem === null) {
        await keychain.delete(providerId);
        log?.info('keychain', 'Key deleted from the keychain', { providerId });
      }
      return status(providerId);
    },
  };
}

export type KeyService = ReturnType<typeof createKeyService>;
