/**
 * Where API keys live. Implementations: the OS keychain (keytar) and a
 * session-only memory store the person can choose when no keychain exists.
 * There is deliberately no file-backed implementation.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'session';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** null when the store answers; otherwise a sentence saying why not. A locked keyring answers: its get (on a null), set and delete then refuse with KEYCHAIN_UNAVAILABLE. */
  problem(): Promise<string | null>;
}
