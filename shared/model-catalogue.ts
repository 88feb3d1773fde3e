/**
 * Context windows and list prices (USD per million tokens) of the models
 * people use most. Indicative: a model missing here still works, it just has
 * no cost estimate and an assumed context window.
 */
export type TokenEncoding = 'o200k_base' | 'cl100k_base';

export interface ModelInfo {
  id: string;
  contextWindow: number;
  inputPerMillion: number;
  outputPerMillion: number;
  /** The tokenizer the model uses, so counts before sending match the provider's. */
  encoding: TokenEncoding;
  /** Reasoning models refuse `max_tokens` and any temperature but the default. */
  reasoning?: true;
  /** Takes images in messages (image_url parts): a dropped screenshot can go to it. */
  vision?: true;
}

const models: ModelInfo[] = [
  { id: 'gpt-4o-mini', contextWindow: 128_000, inputPerMillion: 0.15, outputPerMillion: 0.6, encoding: 'o200k_base', vision: true },
  { id: 'gpt-4o', contextWindow: 128_000, inputPerMillion: 2.5, outputPerMillion: 10, encoding: 'o200k_base', vision: true },
  { id: 'gpt-4.1', contextWindow: 1_047_576, inputPerMillion: 2, outputPerMillion: 8, encoding: 'o200k_base', vision: true },
  { id: 'gpt-4.1-mini', contextWindow: 1_047_576, inputPerMillion: 0.4, outputPerMillion: 1.6, encoding: 'o200k_base', vision: true },
  { id: 'gpt-4.1-nano', contextWindow: 1_047_576, inputPerMillion: 0.1, outputPerMillion: 0.4, encoding: 'o200k_base', vision: true },
  { id: 'o4-mini', contextWindow: 200_000, inputPerMillion: 1.1, outputPerMillion: 4.4, encoding: 'o200k_base', reasoning: true, vision: true },
  { id: 'o3', contextWindow: 200_000, inputPerMillion: 2, outputPerMillion: 8, encoding: 'o200k_base', reasoning: true, vision: true },
  { id: 'gpt-5', contextWindow: 400_000, inputPerMillion: 1.25, outputPerMillion: 10, encoding: 'o200k_base', reasoning: true, vision: true },
  { id: 'gpt-5-mini', contextWindow: 400_000, inputPerMillion: 0.25, outputPerMillion: 2, encoding: 'o200k_base', reasoning: true, vision: true },
  { id: 'gpt-5-nano', contextWindow: 400_000, inputPerMillion: 0.05, outputPerMillion: 0.4, encoding: 'o200k_base', reasoning: true, vision: true },
  { id: 'gpt-4-turbo', contextWindow: 128_000, inputPerMillion: 10, outputPerMillion: 30, encoding: 'cl100k_base', vision: true },
  { id: 'gpt-4', contextWindow: 8_192, inputPerMillion: 30, outputPerMillion: 60, encoding: 'cl100k_base' },
  { id: 'gpt-3.5-turbo', contextWindow: 16_385, inputPerMillion: 0.5, outputPerMillion: 1.5, encoding: 'cl100k_base' },
];

export const defaultModelId = 'gpt-4o-mini';

/**
 * Assumed for a model the catalogue does not know. Many local servers run
 * models with small windows, and sending less history is a smaller harm than
 * a request the server refuses as too long.
 */
export const defaultContextWindow = 32_768;
export const defaultEncoding: TokenEncoding = 'o200k_base';

/** The ids in the catalogue, for pickers. */
export const knownModelIds: readonly string[] = models.map((m) => m.id);

/**
 * Finds a model by id, also under a dated snapshot name (`gpt-4o-2024-08-06`)
 * or a router's vendor prefix (`openai/gpt-4o`), which bill like the base model.
 */
export function findModel(id: string): ModelInfo | undefined {
  const exact = models.find((m) => m.id === id);
  if (exact) return exact;
  const base = id.replace(/^openai\//, '').replace(/-\d{4}-\d{2}-\d{2}$/, '');
  return base === id ? undefined : models.find((m) => m.id === base);
}

export function contextWindowOf(modelId: string): { tokens: number; known: boolean } {
  const m = findModel(modelId);
  return m ? { tokens: m.contextWindow, known: true } : { tokens: defaultContextWindow, known: false };
}

export function encodingOf(modelId: string): TokenEncoding {
  return findModel(modelId)?.encoding ?? defaultEncoding;
}

/**
 * Whether a model takes images. False for a model the catalogue does not
 * know: the UI says so and lets the person send the image anyway, since a
 * local server may well run a vision model.
 */
export function supportsVision(modelId: string): boolean {
  return findModel(modelId)?.vision === true;
}

export function estimateCostUsd(modelId: string, promptTokens: number, completionTokens: number): number | null {
  const m = findModel(modelId);
  if (!m) return null;
  return (promptTokens * m.inputPerMillion + completionTokens * m.outputPerMillion) / 1_000_000;
}
