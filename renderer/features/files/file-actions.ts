import type { Message } from '../../../shared/domain';
import type { ChannelOutput } from '../../../shared/contract';
import type { PreparedFile } from '../../../shared/dropped-files';
import { parley } from '../../api/parley';
import { fileSource, pathOf } from '../../api/file-source';
import { formatSize } from './plan-figures';
import type { DropTarget, DroppedItem } from './dropped-files';
import { findJob, newJobId, removeJob, updateJob, useFileJobs, whenSettled, type FileJob, type FileJobState } from './file-jobs-store';

/** Where this window shows an explanation: the main window's chat, or the quick window's one exchange. */
export interface ExplanationSink {
  /** The conversation a drop on the composer (or the quick window) joins; null starts a new one. */
  currentConversationId(): string | null;
  /** The explanation started, or was reused: show its conversation, selecting it when `select`. */
  show(output: ChannelOutput<'files:explain'>, select: boolean): void;
}

let sink: ExplanationSink | null = null;

/** Set once by each window at start-up. */
export function setExplanationSink(s: ExplanationSink): void {
  sink = s;
}

/** Progress can overtake files:explain's answer, which tells which message it belongs to. */
const earlyProgress = new Map<string, FileJob['progress']>();
/** So can the end of a short answer, which the window did not know yet and so could not apply. */
const earlyDone = new Map<string, Message>();

export function dropFiles(target: DropTarget, items: DroppedItem[]): void {
  const joined = target === 'window' ? null : (sink?.currentConversationId() ?? null);
  // A drop on the composer of a chat not yet begun has nothing to attach to: it explains in a new conversation.
  const where: DropTarget = target === 'composer' && !joined ? 'window' : target;
  const files: File[] = [];
  for (const item of items) {
    if (item.kind === 'directory') {
      const offer = { id: newJobId(), name: item.name, files: item.files, more: item.more, target: where, conversationId: joined };
      useFileJobs.setState((s) => ({ offers: [...s.offers, offer] }));
    } else files.push(item.file);
  }
  if (where === 'window') {
    files.forEach((file, i) => void startFile(addFileJob(file, where, null, i === 0, 'preparing'), file));
    return;
  }
  // The rest join one conversation, which writes one answer at a time: they wait their turn, in the order dropped.
  const turns = files.map((file, i) => ({ file, id: addFileJob(file, where, joined, i === 0, i === 0 ? 'preparing' : 'waiting') }));
  void explainInTurn(turns);
}

function addJob(job: Omit<FileJob, 'id' | 'messageId' | 'progress' | 'error'>): string {
  const id = newJobId();
  useFileJobs.setState((s) => ({ jobs: [...s.jobs, { ...job, id, messageId: null, progress: null, error: null }] }));
  return id;
}

function addFileJob(file: File, target: DropTarget, conversationId: string | null, show: boolean, state: FileJobState): string {
  return addJob({ name: file.name, target, conversationId, state, prepared: null, regenerate: false, show });
}

/** Each file after the one before has ended; where there was no conversation yet, the first explained starts one and the others join it. */
async function explainInTurn(turns: { file: File; id: string }[]): Promise<void> {
  let conversationId: string | null = null;
  for (const { file, id } of turns) {
    if (!findJob(id)) continue; // cancelled while it waited
    if (conversationId) updateJob(id, { conversationId });
    await startFile(id, file);
    conversationId = (await whenSettled(id)) ?? conversationId;
  }
}

async function startFile(id: string, file: File): Promise<void> {
  const conversationId = findJob(id)?.conversationId ?? null;
  updateJob(id, { state: 'preparing' });
  try {
    const tooLarge = await overSizeLimit(file);
    if (tooLarge) return updateJob(id, { state: 'refused', error: tooLarge });
    const source = await fileSource(file);
    const r = await parley.files.prepare({ source, ...(conversationId ? { conversationId } : {}) });
    if (!r.ok) return updateJob(id, { state: 'refused', error: r.error.message });
    await proceed(id, r.value);
  } catch (err) {
    updateJob(id, { state: 'refused', error: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * Bytes sent from the page are read whole first, so a file past the limit is
 * refused here (in main's words) rather than loaded into the window's memory
 * to be refused there. A path costs nothing to send: main checks it.
 */
async function overSizeLimit(file: File): Promise<string | null> {
  if (pathOf(file)) return null;
  const settings = await parley.settings.getFiles({});
  if (!settings.ok) return null; // main checks again anyway
  const max = settings.value.maxFileBytes;
  if (file.size <= max) return null;
  return `${file.name} is ${formatSize(file.size)}, over the ${formatSize(max)} limit for files. You can raise the limit in Settings.`;
}

/** A file main already read (opened from outside the window): it goes on as if dropped on the window. */
export function startPrepared(prepared: PreparedFile, show: boolean): void {
  const id = addJob({ name: prepared.name, target: 'window', conversationId: null, state: 'preparing', prepared, regenerate: false, show });
  void proceed(id, prepared);
}

export function showRefusal(name: string, message: string): void {
  const id = addJob({ name, target: 'window', conversationId: null, state: 'refused', prepared: null, regenerate: false, show: false });
  updateJob(id, { error: message });
}

async function proceed(id: string, prepared: PreparedFile): Promise<void> {
  updateJob(id, { prepared, name: prepared.name });
  const job = findJob(id);
  if (!job) return;
  const reuse = prepared.reused !== null && !job.regenerate;
  if (!reuse && prepared.needsConfirmation) return updateJob(id, { state: 'confirming' });
  await explain(id, false);
}

/** "Explain" in the confirmation dialog. */
export function confirmJob(id: string): void {
  void explain(id, true);
}

/** "Cancel" in the confirmation dialog: nothing was sent, and nothing is. */
export function cancelJob(id: string): void {
  removeJob(id);
}

async function explain(id: string, confirm: boolean): Promise<void> {
  const job = findJob(id);
  if (!job?.prepared) return;
  updateJob(id, { state: 'starting' });
  const r = await parley.files.explain({
    fileId: job.prepared.fileId,
    ...(job.conversationId ? { conversationId: job.conversationId } : {}),
    ...(confirm ? { confirm } : {}),
    ...(job.regenerate ? { regenerate: true } : {}),
  });
  if (!r.ok) {
    updateJob(id, { state: 'refused', error: r.error.message });
    return forgetEarlyEvents();
  }
  const ended = earlyDone.get(r.value.assistantMessage.id);
  earlyDone.delete(r.value.assistantMessage.id);
  const out = ended ? { ...r.value, assistantMessage: ended } : r.value;
  sink?.show(out, job.show);
  const messageId = out.assistantMessage.id;
  if (out.reused) {
    const reused = { fileId: job.prepared.fileId, name: job.prepared.name, conversationId: out.conversation.id, prepared: job.prepared };
    useFileJobs.setState((s) => ({ reused: { ...s.reused, [messageId]: reused } }));
  }
  // The conversation is recorded first, even on a job about to end: files waiting their turn join it.
  updateJob(id, { conversationId: out.conversation.id, messageId });
  if (out.assistantMessage.status !== 'streaming') removeJob(id);
  else updateJob(id, { state: 'explaining', progress: earlyProgress.get(messageId) ?? null });
  forgetEarlyEvents();
}

/** What was held for a start nobody is waiting on any more (another window's explanation) is let go. */
function forgetEarlyEvents(): void {
  if (starting()) return;
  earlyProgress.clear();
  earlyDone.clear();
}

/** Stop keeps the parts already explained; the answer ends as "Stopped". */
export function stopJob(id: string): void {
  const messageId = findJob(id)?.messageId;
  if (messageId) void parley.files.stop({ messageId });
}

/** Regenerate on a reused explanation: explained afresh into the same conversation (confirmed again if large). */
export function regenerate(messageId: string): void {
  const r = useFileJobs.getState().reused[messageId];
  if (!r) return;
  const id = addJob({ name: r.name, target: 'window', conversationId: r.conversationId, state: 'preparing', prepared: r.prepared, regenerate: true, show: true });
  void proceed(id, r.prepared);
}

export function pickOffered(offerId: string, file: File): void {
  const offer = useFileJobs.getState().offers.find((o) => o.id === offerId);
  if (!offer) return;
  dismissOffer(offerId);
  void startFile(addFileJob(file, offer.target, offer.conversationId, true, 'preparing'), file);
}

export function dismissOffer(offerId: string): void {
  useFileJobs.setState((s) => ({ offers: s.offers.filter((o) => o.id !== offerId) }));
}

const starting = () => useFileJobs.getState().jobs.some((j) => j.state === 'starting');

/** Progress of large files, and the end of every explanation this window started. */
export function connectFileEvents(): () => void {
  const offProgress = parley.subscribe('files:progress', ({ messageId, progress }) => {
    const job = useFileJobs.getState().jobs.find((j) => j.messageId === messageId);
    if (job) updateJob(job.id, { progress });
    // Kept only while one of ours is starting: another window's explanations are not ours to hold.
    else if (starting()) earlyProgress.set(messageId, progress);
  });
  const offDone = parley.subscribe('chat:done', ({ message }) => {
    earlyProgress.delete(message.id);
    const job = useFileJobs.getState().jobs.find((j) => j.messageId === message.id);
    if (job) removeJob(job.id);
    else if (starting()) earlyDone.set(message.id, message);
  });
  return () => {
    offProgress();
    offDone();
  };
}
