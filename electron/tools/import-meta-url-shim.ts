// Injected into the CommonJS main bundle by build-shell.ts: `import.meta.url`
// is defined as this value, the bundle's own file URL.
import { pathToFileURL } from 'node:url';

export const parleyImportMetaUrl = pathToFileURL(__filename).href;
