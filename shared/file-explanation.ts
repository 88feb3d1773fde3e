import { z } from 'zod';

/**
 * What both sides need to know about explaining a dropped file: which
 * template explains which kind, what a plan tells the person before any
 * request is made, and how progress is reported. The work itself is in
 * electron/services/explain/.
 */

/** The kinds the file ingestion (electron/services/files/) reports. */
export const FileKind = z.enum(['code', 'text', 'markdown', 'log', 'csv', 'json', 'pdf', 'docx', 'image']);
export type FileKind = z.infer<typeof FileKind>;

/** Stable ids in the template library (shared/prompt-templates.ts), so a person's edits to them apply to dropped files too. */
export const explainTemplateIds = {
  code: 'explain-code',
  document: 'explain-document',
  data: 'explain-data',
  log: 'explain-log',
} as const;

export function explainTemplateIdFor(kind: FileKind): string {
  switch (kind) {
    case 'code':
      return explainTemplateIds.code;
    case 'csv':
    case 'json':
      return explainTemplateIds.data;
    case 'log':
      return explainTemplateIds.log;
    default:
      return explainTemplateIds.document;
  }
}

/** What the confirmation before a large file shows: computed before anything is sent. */
export const ExplanationPlanSummary = z.object({
  fileName: z.string(),
  model: z.string(),
  /** True when the whole file goes in one request; otherwise it is explained in `parts` parts, then combined. */
  inline: z.boolean(),
  parts: z.number().int().positive(),
  /** Every request: the parts' and the combining ones (more than one when the parts' notes overflow one window). */
  requests: z.number().int().positive(),
  fileTokens: z.number().int().nonnegative(),
  /** True for a file large enough that its tokens were estimated from a sample rather than all counted. */
  tokensEstimated: z.boolean(),
  estimatedInputTokens: z.number().int().nonnegative(),
  /** An upper estimate: each request's answer is counted at its cap. */
  estimatedOutputTokens: z.number().int().nonnegative(),
  /** Null for a model the catalogue has no prices for. */
  estimatedCostUsd: z.number().nonnegative().nullable(),
  contextWindow: z.number().int().positive(),
});
export type ExplanationPlanSummary = z.infer<typeof ExplanationPlanSummary>;

export const ExplanationProgress = z.object({
  phase: z.enum(['parts', 'combining', 'done']),
  partsDone: z.number().int().nonnegative(),
  partsTotal: z.number().int().positive(),
  /** Set while a part waits out a rate limit, so the UI can say why it paused. */
  waitingMs: z.number().int().nonnegative().optional(),
});
export type ExplanationProgress = z.infer<typeof ExplanationProgress>;

/**
 * Whether to ask before starting: above the person's cost threshold, or,
 * for a model without prices, whenever the file goes in parts (several
 * requests of unknown cost). An inline file of unknown price is one request,
 * like any chat message, and is not asked about.
 */
export function needsConfirmation(summary: ExplanationPlanSummary, thresholdUsd: number): boolean {
  if (summary.estimatedCostUsd === null) return !summary.inline;
  return summary.estimatedCostUsd >= thresholdUsd;
}
