import type { Migration } from './migration';

/**
 * Marks an answer copied from a saved explanation of the same file (same
 * content, template and model) instead of asked of the model again, so it is
 * still labelled "Reused" when the conversation is opened later.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'reused-explanations',
  up: `ALTER TABLE messages ADD COLUMN reused INTEGER NOT NULL DEFAULT 0;`,
};
