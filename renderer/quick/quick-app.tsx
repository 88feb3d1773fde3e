import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { useStickToBottom } from '../features/chat/stick-to-bottom';
import { AskForm } from './ask-form';
import { ClipboardPreview } from './clipboard-preview';
import { QuickMessages } from './quick-messages';
import { useQuickStore } from './quick-store';
import { QuickToolbar } from './quick-toolbar';
import { useQuickWindowEvents } from './quick-window-events';
import { useReportHeight } from './use-report-height';
import { FileDropZone } from '../features/files/file-drop-zone';
import { useFileJobs } from '../features/files/file-jobs-store';
import { quickWindowSink } from '../features/files/quick-file-sink';
import { useWindowFiles } from '../features/files/use-window-files';

// A dropped file's confirmation and progress: fetched with the first drop, not before the Ask box is ready
// (bench quick-ready: React must hold the box within 300 ms of a cold load).
const FileJobs = lazy(() => import('../features/files/file-jobs').then((m) => ({ default: m.FileJobs })));

/** The quick-ask window: a question box, and the answer growing under it. */
export function QuickApp() {
  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const messages = useQuickStore((s) => s.messages);
  const problem = useQuickStore((s) => s.problem);
  const hasFileJobs = useFileJobs((s) => s.jobs.length > 0 || s.offers.length > 0);
  const stick = useStickToBottom();
  useQuickWindowEvents(input);
  useReportHeight(root, scroller);
  useWindowFiles(quickWindowSink, false);

  // Past the window's full height the answer scrolls; it follows the text only if the reader was at the end.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.wasAtBottom(el)) el.scrollTop = el.scrollHeight;
  }, [messages, stick]);

  return (
    <div className="quick" ref={root}>
      <AskForm input={input} />
      <QuickToolbar />
      <ClipboardPreview />
      {hasFileJobs && (
        <Suspense fallback={null}>
          <FileJobs inlineConfirm />
        </Suspense>
      )}
      <div className="quick-scroll" ref={scroller} onScroll={stick.onScroll} role="log" aria-label="Answer">
        <div className="quick-content">
          <QuickMessages messages={messages} />
          {problem && (
            <div role="alert" className="problem quick-problem">
              {problem}
            </div>
          )}
        </div>
      </div>
      <FileDropZone fallback="quick" />
    </div>
  );
}
