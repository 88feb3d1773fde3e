import { execFile } from 'node:child_process';

/**
 * Whether the Secret Service's default collection (where keytar keeps
 * Parley's keys) is locked: true, false, or null when it cannot be told.
 *
 * It matters because a locked keyring does not fail: libsecret's lookup
 * answers null exactly as for "no key saved", and a caller that believed it
 * would ask for the key again or forget the one that is there. The question
 * is asked over D-Bus with `dbus-send` (part of every D-Bus install) rather
 * than through keytar: reading a property prompts nobody, while any keytar
 * call that touches a locked item asks for an unlock prompt, and keytar's
 * findCredentials on a locked item crashes the process (libsecret hands it a
 * null secret: "secret_value_get_text: assertion 'value' failed", then SIGSEGV).
 */
export function defaultCollectionLocked(env: NodeJS.ProcessEnv = process.env, timeoutMs = 3000): Promise<boolean | null> {
  if (process.platform !== 'linux') return Promise.resolve(false);
  const args = [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets/aliases/default',
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ];
  return new Promise((resolve) => {
    execFile('dbus-send', args, { env, timeout: timeoutMs, encoding: 'utf8' }, (err, stdout) => {
      if (err) return resolve(null);
      const m = /boolean\s+(true|false)/.exec(stdout);
      resolve(m ? m[1] === 'true' : null);
    });
  });
}
