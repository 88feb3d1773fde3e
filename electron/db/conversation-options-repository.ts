import type Database from 'better-sqlite3';
import type { ConversationOptions, SetConversationOptionsInput } from '../../shared/chat-options';

interface OptionsRow {
  id: string;
  model: string | null;
  system_prompt: string | null;
  params: string;
}

/** Sampling choices live in the `params` JSON column, so a new one needs no migration. */
interface Params {
  temperature?: number;
  maxOutputTokens?: number;
}

function parseParams(json: string): Params {
  try {
    const p = JSON.parse(json) as unknown;
    return p && typeof p === 'object' ? (p as Params) : {};
  } catch {
    return {}; // a damaged column must not make the conversation unusable: it falls back to the defaults
  }
}

function toOptions(r: OptionsRow): ConversationOptions {
  const p = parseParams(r.params);
  return {
    id: r.id,
    model: r.model,
    systemPrompt: r.system_prompt,
    temperature: typeof p.temperature === 'number' ? p.temperature : null,
    maxOutputTokens: typeof p.maxOutputTokens === 'number' ? p.maxOutputTokens : null,
  };
}

export function createConversationOptionsRepository(db: Database.Database) {
  const getStmt = db.prepare<[string], OptionsRow>('SELECT id, model, system_prompt, params FROM conversations WHERE id = ?');
  // Choosing options is not activity: updated_at stays, so the list does not reorder.
  const setStmt = db.prepare('UPDATE conversations SET model = @model, system_prompt = @systemPrompt, params = @params WHERE id = @id');

  function get(id: string): ConversationOptions | null {
    const row = getStmt.get(id);
    return row ? toOptions(row) : null;
  }

  return {
    get,
    update(input: SetConversationOptionsInput): ConversationOptions | null {
      return db.transaction(() => {
        const row = getStmt.get(input.id);
        if (!row) return null;
        const current = toOptions(row);
        const next = {
          model: input.model === undefined ? current.model : input.model,
          systemPrompt: input.systemPrompt === undefined ? current.systemPrompt : input.systemPrompt,
          temperature: input.temperature === undefined ? current.temperature : input.temperature,
          maxOutputTokens: input.maxOutputTokens === undefined ? current.maxOutputTokens : input.maxOutputTokens,
        };
        const params: Params = { ...parseParams(row.params) };
        delete params.temperature;
        delete params.maxOutputTokens;
        if (next.temperature !== null) params.temperature = next.temperature;
        if (next.maxOutputTokens !== null) params.maxOutputTokens = next.maxOutputTokens;
        setStmt.run({ id: input.id, model: next.model, systemPrompt: next.systemPrompt, params: JSON.stringify(params) });
        return get(input.id);
      })();
    },
  };
}

export type ConversationOptionsRepository = ReturnType<typeof createConversationOptionsRepository>;
