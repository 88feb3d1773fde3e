import { z } from 'zod';
import { Conversation, Id, Message } from './domain';
import { AppErrorShape } from './error-codes';
import { ExplanationPlanSummary, ExplanationProgress, FileKind } from './file-explanation';

/**
 * A dropped or opened file on its way to an explanation: what the renderer
 * hands main (a path in Electron, the bytes in the browser host), what main
 * answers before anything is sent (the plan, its cost, a saved explanation
 * to reuse), and the settings that bound it. Main does all the reading.
 */

/** 50 MB: the default size limit (the `maxFileBytes` setting). */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1000 * 1000;
/** The most any setting allows; V8 cannot hold the text of a larger file. */
export const MAX_FILE_BYTES_LIMIT = 500 * 1000 * 1000;
/** Dropped bytes travel as base64 (4 characters per 3 bytes); the setting is checked again in main after decoding. */
const MAX_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES_LIMIT / 3) * 4;

export const FileSourceInput = z.discriminatedUnion('kind', [
  /** Electron: the dropped File's path from `window.parley.files.pathOf(file)` (webUtils.getPathForFile), or a path from the command line; main reads it. */
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  /** The browser host: the dropped File's name and its bytes, base64-encoded. */
  z
    .object({
      kind: z.literal('bytes'),
      name: z.string().trim().min(1).max(255),
      base64: z.string().max(MAX_BASE64_CHARS, 'the file is too large to send').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
    })
    .strict(),
]);
export type FileSourceInput = z.infer<typeof FileSourceInput>;

/** A saved explanation of the same content, template and model: the UI shows it at once, labelled "Reused", with Regenerate. */
export const ReusedExplanation = z.object({ conversationId: Id, messageId: Id });
export type ReusedExplanation = z.infer<typeof ReusedExplanation>;

/** What `files:prepare` answers: the file as read, and what explaining it will take. Nothing has been sent yet. */
export const PreparedFile = z.object({
  /** Pass to `files:explain`; valid while the app runs (the extracted content waits in main). */
  fileId: Id,
  name: z.string(),
  /** The path read, links resolved; for dropped bytes, the name. */
  displayPath: z.string(),
  /** The path given, when it was a link to displayPath; null otherwise. */
  resolvedFrom: z.string().nullable(),
  kind: FileKind,
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  /** The file's tokens for the model (estimated from a sample for a very large file: see plan.tokensEstimated). */
  tokens: z.number().int().nonnegative(),
  /** For code: the language, when known. */
  language: z.string().nullable(),
  plan: ExplanationPlanSummary,
  /** Ask "Explain" / "Cancel" before `files:explain` (then send `confirm: true`). */
  needsConfirmation: z.boolean(),
  reused: ReusedExplanation.nullable(),
});
export type PreparedFile = z.infer<typeof PreparedFile>;

export const PrepareFileInput = z
  .object({
    source: FileSourceInput,
    /** Attach to this conversation (a drop on the composer): its model plans the explanation. */
    conversationId: Id.optional(),
  })
  .strict();
export type PrepareFileInput = z.infer<typeof PrepareFileInput>;

export const ExplainFileInput = z
  .object({
    fileId: Id,
    /** Explain into this conversation; without it, a new "Explain <name>" conversation (origin 'file'). */
    conversationId: Id.optional(),
    /** Required when the prepared file said needsConfirmation. */
    confirm: z.boolean().optional(),
    /** Explain again even though a saved explanation exists. */
    regenerate: z.boolean().optional(),
  })
  .strict();
export type ExplainFileInput = z.infer<typeof ExplainFileInput>;

/**
 * The explanation has started (or, when reused, is already there). The
 * assistant message then grows through chat:delta and ends with chat:done
 * like any answer; `files:progress` reports the parts of a large file.
 */
export const ExplainFileOutput = z.object({
  conversation: Conversation,
  userMessage: Message,
  assistantMessage: Message,
  /** True when the saved explanation was copied in at once (assistantMessage is complete already). */
  reused: z.boolean(),
});
export type ExplainFileOutput = z.infer<typeof ExplainFileOutput>;

/** A file kept with a conversation, for follow-up questions. The extracted text stays in main. */
export const Attachment = z.object({
  id: Id,
  conversationId: Id,
  /** The question it was sent with. */
  messageId: Id.nullable(),
  name: z.string(),
  kind: FileKind,
  mime: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  tokenCount: z.number().int().nonnegative(),
  createdAt: z.number(),
});
export type Attachment = z.infer<typeof Attachment>;

export const FileSettings = z.object({
  /** Files over this many bytes are refused before they are read. */
  maxFileBytes: z.number().int().min(1000).max(MAX_FILE_BYTES_LIMIT),
  /** Ask before explaining a file whose estimated cost is at or above this (US dollars). */
  confirmAboveUsd: z.number().min(0).max(1000),
  /** Parts of a large file explained at once. */
  concurrency: z.number().int().min(1).max(16),
});
export type FileSettings = z.infer<typeof FileSettings>;

export const defaultFileSettings: FileSettings = { maxFileBytes: DEFAULT_MAX_FILE_BYTES, confirmAboveUsd: 0.5, concurrency: 3 };

/** One file given to Parley from outside the window ("Open with…", the command line, the dock icon). */
export const OpenedFile = z.object({
  /** The path as given. */
  path: z.string(),
  result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), file: PreparedFile }), z.object({ ok: z.literal(false), error: AppErrorShape })]),
});
export type OpenedFile = z.infer<typeof OpenedFile>;

export const FileProgressEvent = z.object({ messageId: Id, conversationId: Id, fileName: z.string(), progress: ExplanationProgress });
export type FileProgressEvent = z.infer<typeof FileProgressEvent>;
