/**
 * electron-builder's beforePack hook (electron-builder.yml): builds better-sqlite3
 * and keytar for Electron and the architecture about to be packed, and stages
 * them in out/native, which the files list packs and asarUnpack unpacks.
 *
 * Called once per architecture; a universal macOS build calls it for x64 and
 * then arm64, and @electron/universal lipo's the two addons together.
 * CommonJS and plain JavaScript because electron-builder require()s it.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder require()s its hooks: this file is CommonJS. */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { Arch } = require('builder-util');

/** The prepare-native command line for electron-builder's context (its `arch` is builder-util's Arch enum). */
function prepareNativeArgs(context) {
  const root = context.packager.projectDir;
  const arch = Arch[context.arch];
  return [require.resolve('tsx/cli'), path.join(root, 'electron', 'tools', 'prepare-native.ts'), '--stage', `--arch=${arch}`];
}

async function beforePack(context) {
  const root = context.packager.projectDir;
  const result = spawnSync(process.execPath, prepareNativeArgs(context), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`Building the native modules for Electron (${context.electronPlatformName}, ${Arch[context.arch]}) failed; see above.`);
  }
}

exports.default = beforePack;
exports.prepareNativeArgs = prepareNativeArgs;
