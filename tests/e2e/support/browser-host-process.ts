import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface HostProcess {
  url: string;
  /** The quick-ask window's page, from the line after the main one. */
  quickUrl: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Starts `npm run web`'s program exactly as a person would, and waits for the lines with its URLs: the main
 * window's, and on its own line containing "quick", the quick-ask window's.
 * Pass PARLEY_KEYCHAIN_SERVICE in `env` so tests never touch a person's real Parley key.
 */
export async function startHostProcess(dataDir: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/browser-host/cli.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const { url, quickUrl } = await new Promise<{ url: string; quickUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 30_000);
    const check = () => {
      const main = /running at (http:\/\/\S+)/.exec(out);
      const quick = /^.*\bquick\b.*?(http:\/\/\S+)/im.exec(out);
      if (main && quick) {
        clearTimeout(timer);
        resolve({ url: main[1]!, quickUrl: quick[1]! });
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  return {
    url,
    quickUrl,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
