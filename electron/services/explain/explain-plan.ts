import type { ExplanationPlanSummary, FileKind } from '../../../shared/file-explanation';
import { contextWindowOf, encodingOf, estimateCostUsd } from '../../../shared/model-catalogue';
import type { PromptTemplate } from '../../../shared/prompt-templates';
import { AppError } from '../app-error';
import { answerReserve, tokensForReplyPriming, tokensPerMessage } from '../chat/context-budget';
import type { TokenCounter } from '../chat/token-counter';
import { combineMessages, inlineMessages, newBoundary, partMessages } from './explain-prompts';
import { explanationKey } from './explanation-key';
import { lineCount, pageSeparator, sectionSteps } from './file-sections';
import { packPartSteps, type PlannedPart } from './part-packer';
import { runSliced } from './sliced-steps';
import { textUnitSteps } from './text-units';
import { estimatorSteps } from './token-estimate';

/** What ingestion (electron/services/files/) hands over; only these fields are read. */
export interface ExplainableFile {
  kind: FileKind;
  name: string;
  text?: string;
  /** A PDF's text page by page; when given, it is what is split, joined by `pageSeparator`. */
  pages?: string[];
  /** For CSV and JSON: ingestion's shape and sample of the whole file, given to the combining request. */
  summary?: string;
  sha256: string;
}

export interface PlanOptions {
  file: ExplainableFile;
  model: string;
  template: PromptTemplate;
  counter: TokenCounter;
  /** The window when the catalogue's is not the one to use (a local model, a smaller deployment). */
  contextWindow?: number;
  /** The person's maximum answer length, if they chose one; the final answer's room. */
  maxOutputTokens?: number | null;
  /** The cap on each part's notes; by default an eighth of the window, between 128 and 1,024. */
  partAnswerTokens?: number;
  /** Fixed only by tests; otherwise random per plan. */
  boundary?: string;
  /** Files up to this many characters are counted exactly; larger ones are estimated from a sample (token-estimate.ts). */
  exactUpTo?: number;
}

export interface ExplanationPlan {
  summary: ExplanationPlanSummary;
  key: string;
  file: { name: string; kind: FileKind; sha256: string };
  model: string;
  templateId: string;
  instruction: string;
  temperature: number | null;
  boundary: string;
  /** One part, the whole file, when `summary.inline`. */
  parts: PlannedPart[];
  contextWindow: number;
  partAnswerTokens: number;
  finalAnswerTokens: number;
  /** The most a part (prefix included) may hold; checked exactly before sending when the plan's counts are estimated. */
  partBudget: number;
  /** Tokens a combining request may hold in notes, after its prompt and its answer's room. */
  combineRoom: number;
  /** The whole file's shape (CSV, JSON), when it is small enough to go with the notes; '' otherwise. */
  fileShape: string;
}

// Labels and the name's length vary between parts; this much is kept for them beyond the measured prompt.
const slack = 48;
const overheadOf = (count: (s: string) => number, messages: { content?: unknown }[]) =>
  tokensForReplyPriming + messages.reduce((n, m) => n + tokensPerMessage + count(String(m.content ?? '')), 0);

/** How many requests combining takes, and how many notes each holds: a tree when one window cannot hold all the notes. */
export function combineRounds(parts: number, perRequest: number): number[] {
  const rounds: number[] = [];
  let notes = parts;
  const size = Math.max(2, perRequest);
  while (notes > size) {
    notes = Math.ceil(notes / size);
    rounds.push(notes);
  }
  rounds.push(1);
  return rounds;
}

/**
 * Decides, before anything is sent, whether a file goes in one request or
 * in parts, where the parts are cut, and what it will all cost.
 */
export async function planExplanation(o: PlanOptions): Promise<ExplanationPlan> {
  const { file, model, template } = o;
  if (file.kind === 'image') throw new AppError('BAD_INPUT', 'An image is explained by a vision model in one request; it has no text to plan.');
  const text = file.pages && file.pages.length > 0 ? file.pages.join(pageSeparator) : (file.text ?? '');
  if (text.trim() === '') throw new AppError('FILE_REFUSED', `${file.name} has no text to explain.`);

  const encoding = encodingOf(model);
  // Without the tokenizer, counts are over-estimates: more parts than needed, never a part too large.
  await o.counter.load(encoding).catch(() => undefined);
  const count = (s: string) => o.counter.count(encoding, s);
  const contextWindow = o.contextWindow ?? contextWindowOf(model).tokens;
  const finalAnswerTokens = answerReserve(contextWindow, o.maxOutputTokens ?? null);
  const partAnswerTokens = o.partAnswerTokens ?? Math.min(1024, Math.max(128, Math.floor(contextWindow / 8)));
  const boundary = o.boundary ?? newBoundary(text, file.name);
  const instruction = template.prompt;
  const base = { boundary, instruction, name: file.name };

  const inlineOverhead = overheadOf(count, inlineMessages({ ...base, text: '' })) + slack;
  const partOverhead =
    overheadOf(count, partMessages({ ...base, text: '', prefix: '', answerTokens: partAnswerTokens, part: { number: 9999, total: 9999, label: 'lines 9,999,999–9,999,999', range: 'lines 9,999,999–9,999,999' } })) +
    slack * 2;
  const partBudget = contextWindow - partAnswerTokens - partOverhead;
  // A data file's shape helps the combining step see it whole, as long as it leaves most of the room to the notes.
  let fileShape = file.summary?.trim() ?? '';
  const withoutSummary = contextWindow - finalAnswerTokens - overheadOf(count, combineMessages({ ...base, totalParts: 9999, notes: [], final: true }));
  if (fileShape && count(fileShape) > withoutSummary / 4) fileShape = '';
  const combineOverhead = overheadOf(count, combineMessages({ ...base, totalParts: 9999, notes: [], final: true, summary: fileShape }));
  const combineRoom = contextWindow - finalAnswerTokens - combineOverhead;
  if (partBudget < 64 || combineRoom < partAnswerTokens * 2) {
    throw new AppError('CONTEXT_TOO_LONG', `The context window of ${model} (${contextWindow.toLocaleString('en')} tokens) is too small to explain a file in parts.`);
  }

  const estimated = text.length > (o.exactUpTo ?? 1_000_000);
  // A large file is planned in slices that leave main free for other windows' answers (sliced-steps.ts).
  const estimate = estimated ? await runSliced(estimatorSteps(text, count)) : undefined;
  const units = await runSliced(textUnitSteps(text, count, partBudget, estimate));
  const fileTokens = units.totalTokens;
  const whole = [{ index: 0, label: 'the whole file', range: 'the whole file', start: 0, end: text.length, text, prefix: '', tokens: fileTokens, firstLine: 1, lastLine: lineCount(text) }];
  let inline = fileTokens <= contextWindow - finalAnswerTokens - inlineOverhead;
  let parts = inline ? whole : await runSliced(packPartSteps({ text, kind: file.kind, sections: await runSliced(sectionSteps(file.kind, text, file.pages)), units, budget: partBudget }));
  // A file just over the inline budget still fits one part: one request with a shorter answer beats a part and a combine.
  if (parts.length === 1) {
    inline = true;
    parts = whole;
  }

  let inputTokens: number;
  let outputTokens: number;
  let requests: number;
  if (inline) {
    inputTokens = fileTokens + inlineOverhead - slack;
    outputTokens = Math.min(finalAnswerTokens, contextWindow - inputTokens);
    requests = 1;
  } else {
    // Each part's notes are counted at their cap, wrapped; the runner groups the real notes, usually fewer.
    const perNote = partAnswerTokens + 40;
    const rounds = combineRounds(parts.length, Math.floor(combineRoom / perNote));
    inputTokens = parts.reduce((n, p) => n + p.tokens + partOverhead - slack * 2, 0);
    outputTokens = parts.length * partAnswerTokens;
    let notes = parts.length;
    for (const r of rounds) {
      inputTokens += r * combineOverhead + notes * perNote;
      outputTokens += r === 1 ? finalAnswerTokens : r * partAnswerTokens;
      notes = r;
    }
    requests = parts.length + rounds.reduce((a, b) => a + b, 0);
  }

  return {
    summary: {
      fileName: file.name,
      model,
      inline,
      parts: parts.length,
      requests,
      fileTokens,
      tokensEstimated: estimated,
      estimatedInputTokens: inputTokens,
      estimatedOutputTokens: outputTokens,
      estimatedCostUsd: estimateCostUsd(model, inputTokens, outputTokens),
      contextWindow,
    },
    key: explanationKey({ sha256: file.sha256, templateId: template.id, model }),
    file: { name: file.name, kind: file.kind, sha256: file.sha256 },
    model,
    templateId: template.id,
    instruction,
    temperature: template.temperature,
    boundary,
    parts,
    contextWindow,
    partAnswerTokens,
    partBudget,
    finalAnswerTokens,
    combineRoom,
    fileShape,
  };
}
