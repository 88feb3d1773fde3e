import { createRequire } from 'node:module';
import { AppError } from '../app-error';
import { defaultCollectionLocked } from './keyring-lock';
import type { SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

export const unavailableMessage =
  'No system keychain is available, so Parley cannot store the key safely. On Linux, install and unlock a Secret Service (GNOME Keyring or KWallet), or keep the key for this session only.';

export const lockedMessage =
  'Your keyring is locked, so Parley cannot read or save your API key. Unlock it (log in again, or unlock "Login" in Passwords and Keys), then try again. ' +
  'The key saved there was not changed; you can also use a key for this session only.';

export interface KeytarStoreOptions {
  /** Whether the keyring is locked (null: cannot tell); tests stand one in. Defaults to asking the Secret Service over D-Bus. */
  isLocked?: () => Promise<boolean | null>;
}

/**
 * The OS keychain: macOS Keychain, Windows Credential Manager, or the Secret
 * Service on Linux. keytar is loaded on first use so start-up does not pay for
 * it, and from a path the Electron build can redirect to its own ABI.
 *
 * A locked keyring answers a lookup with null, as if no key were saved: every
 * null is checked against the lock before it is believed, and nothing is
 * written or deleted while it is locked.
 */
export function createKeytarSecretStore(service = 'Parley', modulePath = 'keytar', options: KeytarStoreOptions = {}): SecretStore {
  let keytar: Keytar | null = null;
  const isLocked = options.isLocked ?? (() => defaultCollectionLocked());
  // Never one of Parley's own items: keytar's findCredentials crashes the process on a locked item (see keyring-lock.ts).
  const probeService = `${service} availability probe`;
  const load = (): Keytar => {
    keytar ??= createRequire(import.meta.url)(modulePath) as Keytar;
    return keytar;
  };
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      if (err instanceof AppError) throw err;
      if ((await isLocked()) === true) throw new AppError('KEYCHAIN_UNAVAILABLE', lockedMessage);
      throw new AppError('KEYCHAIN_UNAVAILABLE', `${unavailableMessage} (${(err as Error).message})`);
    }
  };
  const refuseIfLocked = async (): Promise<void> => {
    if ((await isLocked()) === true) throw new AppError('KEYCHAIN_UNAVAILABLE', lockedMessage);
  };

  return {
    kind: 'keychain',
    get: (account) =>
      guard(async () => {
        const secret = await load().getPassword(service, account);
        if (secret === null) await refuseIfLocked();
        return secret;
      }),
    set: (account, secret) =>
      guard(async () => {
        await refuseIfLocked();
        await load().setPassword(service, account, secret);
      }),
    delete: (account) =>
      guard(async () => {
        await refuseIfLocked();
        return load().deletePassword(service, account);
      }),
    // Says whether a Secret Service answers at all. A lock is found where it matters, when a lookup answers
    // null or a write is asked for: a status with the key found then costs no D-Bus round trip.
    async problem() {
      try {
        await load().findCredentials(probeService);
        return null;
      } catch (err) {
        return `${unavailableMessage} (${(err as Error).message})`;
      }
    },
  };
}
