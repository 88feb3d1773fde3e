import type { Migration } from './migration';

/**
 * Archiving hides a conversation from the list without deleting it. A time,
 * not a flag, so the archive can list the most recently archived first.
 * The list's index leads with `archived_at` so the everyday query (not
 * archived) stays an index walk on a list of tens of thousands.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'archive',
  up: `
    ALTER TABLE conversations ADD COLUMN archived_at INTEGER;
    DROP INDEX IF EXISTS conversations_by_update;
    CREATE INDEX conversations_by_update ON conversations (archived_at, pinned DESC, updated_at DESC);
  `,
};
