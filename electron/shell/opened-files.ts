import path from 'node:path';

/**
 * Files Parley is asked to open from outside its window: `parley path/to/file`
 * on the command line (this launch or a second one, which hands its argv
 * over), "Open with…" and a drop on the dock icon (macOS `open-file`, which
 * can come before the app is ready). Each becomes a new "Explain <name>"
 * conversation in the main window; until the backend is up they wait here.
 */

/**
 * The file arguments of a command line: the executable (and, unpackaged, the
 * app folder Electron was given) and every switch are left out; relative
 * paths are taken from the directory the command was run in.
 */
export function filePathsFromArgv(argv: readonly string[], o: { isPackaged: boolean; cwd: string }): string[] {
  // Unpackaged: `electron <app dir> [args]`; packaged: `Parley [args]`.
  const args = argv.slice(o.isPackaged ? 1 : 2);
  const paths: string[] = [];
  let afterDashes = false;
  for (const arg of args) {
    if (!afterDashes && arg === '--') {
      afterDashes = true;
      continue;
    }
    // Chromium and Electron switches (--enable-logging, --inspect=…), and macOS's -psn_0_… process serial number.
    if (!afterDashes && arg.startsWith('-')) continue;
    if (arg === '') continue;
    paths.push(path.resolve(o.cwd, arg));
  }
  return paths;
}

export interface OpenedFiles {
  /** Paths to open: at once when a handler is attached, else once it is. */
  add(paths: readonly string[]): void;
  /** The backend is ready: the waiting paths go first, in order. */
  attach(open: (filePath: string) => void): void;
}

export function createOpenedFiles(): OpenedFiles {
  const waiting: string[] = [];
  let handler: ((filePath: string) => void) | null = null;
  return {
    add(paths) {
      if (handler) for (const p of paths) handler(p);
      else waiting.push(...paths);
    },
    attach(open) {
      handler = open;
      for (const p of waiting.splice(0, waiting.length)) open(p);
    },
  };
}
