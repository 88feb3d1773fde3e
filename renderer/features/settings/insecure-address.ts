/**
 * True for a plain-http address on another computer: a key sent there
 * travels unencrypted. A server on this computer (Ollama, LM Studio) is fine.
 */
export function isInsecureRemote(address: string): boolean {
  try {
    const u = new URL(address.trim());
    if (u.protocol !== 'http:') return false;
    return !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) && !u.hostname.endsWith('.localhost');
  } catch {
    return false;
  }
}

export const insecureWarning = 'This address is not https: a key sent to it travels unencrypted over the network.';
