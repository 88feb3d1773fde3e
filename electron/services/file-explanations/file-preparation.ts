import { randomUUID } from 'node:crypto';
import type { FileSourceInput, PreparedFile } from '../../../shared/dropped-files';
import { needsConfirmation, type ExplanationPlanSummary } from '../../../shared/file-explanation';
import type { PromptTemplate } from '../../../shared/prompt-templates';
import type { AttachmentRepository } from '../../db/attachment-repository';
import { AppError } from '../app-error';
import type { EffectiveOptions, RequestContext } from '../chat/request-context';
import type { TokenCounter } from '../chat/token-counter';
import { planExplanation, type ExplanationPlan } from '../explain/explain-plan';
import type { PartExplanation } from '../explain/explain-runner';
import { explainTemplateFor } from '../explain/explain-template';
import type { FileRefusal } from '../files/file-refusal';
import { ingestFile } from '../files/ingest-file';
import type { IngestedFile } from '../files/ingested-file';
import type { FileSettingsService } from './file-settings';
import { assertVision, imagePlanSummary } from './image-explanation';

/** A file read and planned, waiting in main for `files:explain`; the renderer only ever holds its id. */
export interface PreparedEntry {
  id: string;
  file: IngestedFile;
  model: string;
  options: EffectiveOptions;
  template: PromptTemplate;
  /** Null for an image, which is sent whole in one request. */
  plan: ExplanationPlan | null;
  summary: ExplanationPlanSummary;
  /** Parts explained by an earlier run that was stopped: a new run (not a regenerate) does not pay for them again. */
  done: PartExplanation[];
}

export interface PreparationDeps {
  context: Pick<RequestContext, 'effective'>;
  templates: { list(): PromptTemplate[] };
  attachments: Pick<AttachmentRepository, 'findSaved'>;
  settings: FileSettingsService;
  counter: TokenCounter;
  /** The window to plan against, when not the catalogue's (tests use a small one). */
  contextWindow?: number;
}

// Each entry can hold a large file's text; the few most recent drops are plenty to confirm and explain.
const keptEntries = 8;

/** A refusal in words the alert shows; a directory's names the files it holds, so the person can drop one. */
export function refusalError(r: FileRefusal): AppError {
  if (r.reason !== 'directory' || !r.entries || r.entries.length === 0 || r.entries.every((e) => r.message.includes(e))) return new AppError(r.code, r.message);
  const files = r.entries.filter((e) => !e.endsWith('/'));
  const more = r.moreEntries ? `, and ${r.moreEntries} more` : '';
  return new AppError(r.code, `${r.message} Files in it: ${(files.length > 0 ? files : r.entries).join(', ')}${more}.`);
}

function sourceOf(input: FileSourceInput) {
  if (input.kind === 'path') return { path: input.path };
  const bytes = Buffer.from(input.base64, 'base64');
  return { name: input.name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

export function createFilePreparation(deps: PreparationDeps) {
  const entries = new Map<string, PreparedEntry>();

  function keep(entry: PreparedEntry): void {
    entries.set(entry.id, entry);
    while (entries.size > keptEntries) entries.delete(entries.keys().next().value as string);
  }

  async function plan(file: IngestedFile, options: EffectiveOptions, template: PromptTemplate): Promise<Pick<PreparedEntry, 'plan' | 'summary'>> {
    if (file.kind === 'image') {
      assertVision(options.model, file.name);
      return { plan: null, summary: imagePlanSummary({ name: file.name, model: options.model, image: file.image!, maxOutputTokens: options.maxOutputTokens }) };
    }
    const planned = await planExplanation({
      file,
      model: options.model,
      template,
      counter: deps.counter,
      maxOutputTokens: options.maxOutputTokens,
      ...(deps.contextWindow ? { contextWindow: deps.contextWindow } : {}),
    });
    return { plan: planned, summary: planned.summary };
  }

  function describe(entry: PreparedEntry): PreparedFile {
    const { file, summary } = entry;
    const saved = deps.attachments.findSaved({ sha256: file.sha256, templateId: entry.template.id, model: entry.model });
    return {
      fileId: entry.id,
      name: file.name,
      displayPath: file.displayPath,
      resolvedFrom: file.resolvedFrom ?? null,
      kind: file.kind,
      mime: file.mime,
      size: file.size,
      sha256: file.sha256,
      tokens: summary.fileTokens,
      language: file.language ?? null,
      plan: summary,
      needsConfirmation: needsConfirmation(summary, deps.settings.get().confirmAboveUsd),
      reused: saved ? { conversationId: saved.conversationId, messageId: saved.messageId } : null,
    };
  }

  return {
    /** Reads, checks and plans; nothing is sent. Throws FILE_REFUSED / FILE_UNREADABLE with a message for the alert. */
    async prepare(source: FileSourceInput, conversationId?: string): Promise<PreparedFile> {
      const options = deps.context.effective(conversationId);
      if (!options.model) throw new AppError('MODEL_NOT_FOUND', 'Choose a model in Settings before explaining a file.');
      const read = await ingestFile(sourceOf(source), { maxBytes: deps.settings.get().maxFileBytes });
      if (!read.ok) throw refusalError(read.error);
      const template = explainTemplateFor(read.file.kind, deps.templates.list());
      const entry: PreparedEntry = { id: randomUUID(), file: read.file, model: options.model, options, template, done: [], ...(await plan(read.file, options, template)) };
      keep(entry);
      return describe(entry);
    },

    get(fileId: string): PreparedEntry {
      const entry = entries.get(fileId);
      if (!entry) throw new AppError('NOT_FOUND', 'That file is no longer ready to explain (Parley restarted, or many files were dropped since). Drop it again.');
      return entry;
    },

    /** The same file planned for another conversation's model (a drop prepared for one window, explained into another). */
    async replanFor(entry: PreparedEntry, conversationId: string | undefined): Promise<PreparedEntry> {
      const options = deps.context.effective(conversationId);
      if (options.model === entry.model && options.maxOutputTokens === entry.options.maxOutputTokens) return entry;
      const next: PreparedEntry = { ...entry, model: options.model, options, done: [], ...(await plan(entry.file, options, entry.template)) };
      keep(next);
      return next;
    },

    describe,
  };
}

export type FilePreparation = ReturnType<typeof createFilePreparation>;
