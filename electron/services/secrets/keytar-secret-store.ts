import { createRequire } from 'node:module';
import { AppError } from '../app-error';
import type { SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

const unavailableMessage =
  'No system keychain is available, so Parley cannot store the key safely. On Linux, install and unlock a Secret Service (GNOME Keyring or KWallet), or keep the key for this session only.';

/**
 * The OS keychain: macOS Keychain, Windows Credential Manager, or the Secret
 * Service on Linux. keytar is loaded on first use so start-up does not pay for
 * it, and from a path the Electron build can redirect to its own ABI.
 */
export function createKeytarSecretStore(service = 'Parley', modulePath = 'keytar'): SecretStore {
  let keytar: Keytar | null = null;
  const load = (): Keytar => {
    keytar ??= createRequire(import.meta.url)(modulePath) as Keytar;
    return keytar;
  };
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (err) {
      throw new AppError('KEYCHAIN_UNAVAILABLE', `${unavailableMessage} (${(err as Error).message})`);
    }
  };

  return {
    kind: 'keychain',
    get: (account) => guard(() => load().getPassword(service, account)),
    set: (account, secret) => guard(() => load().setPassword(service, account, secret)),
    delete: (account) => guard(() => load().deletePassword(service, account)),
    async problem() {
      try {
        await load().findCredentials(service);
        return null;
      } catch (err) {
        return `${unavailableMessage} (${(err as Error).message})`;
      }
    },
  };
}
