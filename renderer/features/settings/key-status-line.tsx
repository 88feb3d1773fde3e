import type { KeyStatus } from '../../../shared/domain';

export function describeKey(key: KeyStatus | null): string {
  if (!key?.hasKey) return 'No key saved yet.';
  const where = {
    keychain: 'saved in the system keychain',
    session: 'kept for this session only',
    environment: 'taken from OPENAI_API_KEY',
  }[key.source ?? 'keychain'];
  return `A key ending in ${key.last4} is ${where}.`;
}
