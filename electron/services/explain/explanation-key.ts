/**
 * The same content explained with the same template by the same model gives
 * (near enough) the same explanation, so it is saved under this key and
 * shown again at once, labelled as reused. The template's wording is not in
 * the key: editing a template is not a reason to pay for every file again,
 * and "Regenerate" is one click away.
 */
export interface ExplanationKeyParts {
  sha256: string;
  templateId: string;
  model: string;
}

export function explanationKey(k: ExplanationKeyParts): string {
  return [k.sha256.toLowerCase(), k.templateId, k.model].map(encodeURIComponent).join(':');
}

export interface SavedExplanation {
  key: string;
  /** The combined explanation (or the inline one). */
  text: string;
  /** Each part's notes, kept so a follow-up question can use them when the file itself is too large to resend. */
  parts: { label: string; text: string }[];
  model: string;
  createdAt: number;
}

/** Where saved explanations live; the store (SQLite) implements it, tests use `createMemoryExplanationStore`. */
export interface ExplanationStore {
  find(key: string): SavedExplanation | null;
  save(explanation: SavedExplanation): void;
}

export function createMemoryExplanationStore(): ExplanationStore {
  const saved = new Map<string, SavedExplanation>();
  return {
    find: (key) => saved.get(key) ?? null,
    save: (e) => void saved.set(e.key, e),
  };
}

/** What the result of an explanation needs for saving; kept structural so this file does not depend on the runner. */
interface FinishedRun {
  status: 'complete' | 'cancelled' | 'error';
  text: string;
  parts: { label: string; text: string }[];
}

export type ReuseOutcome<R extends FinishedRun> = { reused: true; saved: SavedExplanation } | { reused: false; result: R };

/**
 * The saved explanation of the same content, template and model at once
 * (the UI labels it as reused), unless the person asked to regenerate;
 * otherwise `run` explains the file, and a complete explanation is saved.
 * `run` is only called when needed, so planning a large file is skipped too.
 */
export async function explainOrReuse<R extends FinishedRun>(input: {
  store: ExplanationStore;
  key: ExplanationKeyParts;
  regenerate?: boolean;
  run: () => Promise<R>;
  now?: () => number;
}): Promise<ReuseOutcome<R>> {
  const key = explanationKey(input.key);
  const saved = input.regenerate ? null : input.store.find(key);
  if (saved) return { reused: true, saved };
  const result = await input.run();
  if (result.status === 'complete') {
    input.store.save({
      key,
      text: result.text,
      parts: result.parts.map((p) => ({ label: p.label, text: p.text })),
      model: input.key.model,
      createdAt: (input.now ?? Date.now)(),
    });
  }
  return { reused: false, result };
}
