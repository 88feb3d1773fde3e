import { coldStart } from './cold-start';
import { crash } from './crash';
import { estimate } from './estimate';
import { ingest } from './ingest';
import { mdDom } from './md-dom';
import { mdStream } from './md-stream';
import { persist } from './persist';
import { pipeline } from './pipeline';
import { quickReady } from './quick-ready';
import type { Scenario } from './report';
import { search } from './search';

/**
 * Every scenario, in the order `npm run bench` runs them. To add one, write
 * bench/<name>.ts exporting a `Scenario` ({ name, description, run }) and list it here.
 */
export const scenarios: Scenario[] = [pipeline, persist, search, estimate, mdStream, mdDom, quickReady, coldStart, crash, ingest];
