/**
 * Context windows and list prices (USD per million tokens) of the models
 * people use most. Indicative: a model missing here still works, it just has
 * no cost estimate.
 */
export interface ModelInfo {
  id: string;
  contextWindow: number;
  inputPerMillion: number;
  outputPerMillion: number;
}

const models: ModelInfo[] = [
  { id: 'gpt-4o-mini', contextWindow: 128_000, inputPerMillion: 0.15, outputPerMillion: 0.6 },
  { id: 'gpt-4o', contextWindow: 128_000, inputPerMillion: 2.5, outputPerMillion: 10 },
  { id: 'gpt-4.1', contextWindow: 1_047_576, inputPerMillion: 2, outputPerMillion: 8 },
  { id: 'gpt-4.1-mini', contextWindow: 1_047_576, inputPerMillion: 0.4, outputPerMillion: 1.6 },
  { id: 'gpt-4.1-nano', contextWindow: 1_047_576, inputPerMillion: 0.1, outputPerMillion: 0.4 },
  { id: 'o4-mini', contextWindow: 200_000, inputPerMillion: 1.1, outputPerMillion: 4.4 },
  { id: 'gpt-5', contextWindow: 400_000, inputPerMillion: 1.25, outputPerMillion: 10 },
  { id: 'gpt-5-mini', contextWindow: 400_000, inputPerMillion: 0.25, outputPerMillion: 2 },
];

export const defaultModelId = 'gpt-4o-mini';

export function findModel(id: string): ModelInfo | undefined {
  return models.find((m) => m.id === id);
}

export function estimateCostUsd(modelId: string, promptTokens: number, completionTokens: number): number | null {
  const m = findModel(modelId);
  if (!m) return null;
  return (promptTokens * m.inputPerMillion + completionTokens * m.outputPerMillion) / 1_000_000;
}
