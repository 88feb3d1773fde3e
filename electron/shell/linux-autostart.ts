import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * "Open at login" on Linux. Electron's app.setLoginItemSettings does nothing
 * there; desktop environments start what the XDG autostart folder lists.
 */
export interface AutostartTarget {
  /** The AppImage file when run from one (process.execPath is then a temporary mount), else the executable. */
  executable: string;
  /** `electron .` in development needs the app folder as an argument; a packaged app needs none. */
  args: string[];
}

export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(config, 'autostart', 'parley.desktop');
}

/** Desktop Entry Exec quoting: each argument in double quotes, with ", `, $ and \ escaped. */
function quote(arg: string): string {
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

export function autostartEntry({ executable, args }: AutostartTarget): string {
  return ['[Desktop Entry]', 'Type=Application', 'Name=Parley', `Exec=${[executable, ...args].map(quote).join(' ')}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export function setLinuxAutostart(openAtLogin: boolean, target: AutostartTarget, file = autostartFile()): void {
  if (!openAtLogin) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, autostartEntry(target));
}
