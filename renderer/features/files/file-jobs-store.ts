import { create } from 'zustand';
import type { PreparedFile } from '../../../shared/dropped-files';
import type { ExplanationProgress } from '../../../shared/file-explanation';
import type { DropTarget } from './dropped-files';

/** `waiting`: joins a conversation after the files dropped before it, which answers one at a time. */
export type FileJobState = 'waiting' | 'preparing' | 'confirming' | 'starting' | 'explaining' | 'refused' | 'done';

/** One dropped file on its way to an explanation, as this window sees it. */
export interface FileJob {
  id: string;
  name: string;
  target: DropTarget;
  /** Set for a drop on the composer, and once the explanation has started. */
  conversationId: string | null;
  state: FileJobState;
  prepared: PreparedFile | null;
  /** Explain again rather than reuse (the Regenerate button), asked again if the file needs confirming. */
  regenerate: boolean;
  /** The first file of a drop on the window: its conversation is the one shown. */
  show: boolean;
  messageId: string | null;
  progress: ExplanationProgress | null;
  error: string | null;
}

/** A dropped directory: its files, offered one button each. */
export interface DirectoryOffer {
  id: string;
  name: string;
  files: File[];
  more: number;
  target: DropTarget;
  conversationId: string | null;
}

/** An explanation copied in from an earlier one, and what Regenerate needs to explain the file again. */
export interface ReusedAnswer {
  fileId: string;
  name: string;
  conversationId: string;
  prepared: PreparedFile;
}

interface FileJobsState {
  jobs: FileJob[];
  offers: DirectoryOffer[];
  /** By assistant message id. */
  reused: Record<string, ReusedAnswer>;
}

export const useFileJobs = create<FileJobsState>(() => ({ jobs: [], offers: [], reused: {} }));

let nextId = 0;
export const newJobId = () => `file-${++nextId}`;

export function updateJob(id: string, patch: Partial<FileJob>): void {
  useFileJobs.setState((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, ...patch } : j)) }));
}

export function removeJob(id: string): void {
  useFileJobs.setState((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) }));
}

export function findJob(id: string): FileJob | undefined {
  return useFileJobs.getState().jobs.find((j) => j.id === id);
}

/**
 * Resolves once the job has ended (explained, stopped, cancelled or
 * refused), with the conversation it was explained in, if any.
 */
export function whenSettled(id: string): Promise<string | null> {
  return new Promise((resolve) => {
    const settle = (now: FileJobsState, before: FileJobsState): void => {
      const job = now.jobs.find((j) => j.id === id);
      if (job && job.state !== 'refused') return;
      unsubscribe();
      resolve((job ?? before.jobs.find((j) => j.id === id))?.conversationId ?? null);
    };
    const unsubscribe = useFileJobs.subscribe(settle);
    settle(useFileJobs.getState(), useFileJobs.getState());
  });
}
