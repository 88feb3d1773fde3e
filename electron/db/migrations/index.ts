import type { Migration } from './migration';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-search';
import { migration0003 } from './0003-archive';
import { migration0004 } from './0004-search-terms';
import { migration0005 } from './0005-attachments';
import { migration0006 } from './0006-usage';
import { migration0007 } from './0007-reused-explanations';

/** In order; each version is one more than the previous. */
export const migrations: Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007];
