import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createKeytarSecretStore } from '../services/secrets/keytar-secret-store';
import { createFileLogger } from '../services/logging/logger';
import { startBrowserHost } from './server';
import { parseLocalProbeUrls } from '../services/providers/local-server-probe';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
  },
});

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.resolve(values['data-dir'] ?? path.join(os.homedir(), '.parley-web'));
const host = await startBrowserHost({
  port: Number(values.port),
  dataDir,
  // The same log as the desktop app's, in the host's data folder; warnings also reach the terminal.
  logger: createFileLogger({ dir: path.join(dataDir, 'logs'), stderr: (line) => process.stderr.write(line) }),
  rendererDir: path.resolve(values['renderer-dir'] ?? path.join(here, '../../out/renderer')),
  // The keychain service can be changed so tests never touch a person's real Parley key.
  secrets: createKeytarSecretStore(process.env.PARLEY_KEYCHAIN_SERVICE || 'Parley'),
  // Lets end-to-end tests stand a fake server in for a local Ollama or LM Studio.
  ...(process.env.PARLEY_LOCAL_PROBE_URLS !== undefined ? { localProbeUrls: parseLocalProbeUrls(process.env.PARLEY_LOCAL_PROBE_URLS) } : {}),
  ...(Number(process.env.PARLEY_LOCAL_PROBE_TIMEOUT_MS) > 0 ? { localProbeTimeoutMs: Number(process.env.PARLEY_LOCAL_PROBE_TIMEOUT_MS) } : {}),
});
console.log(`Parley is running at ${host.url}`);
console.log(`Quick ask is at ${host.quickUrl}`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await host.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
