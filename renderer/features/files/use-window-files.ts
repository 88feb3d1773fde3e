import { useEffect } from 'react';
import { parley } from '../../api/parley';
import { connectFileEvents, setExplanationSink, showRefusal, startPrepared, type ExplanationSink } from './file-actions';

/**
 * Wires a window to dropped files: where explanations show, their progress
 * events, and (main window only) files given from outside: "Open with…",
 * the command line or the dock, each treated like a drop on the window.
 */
export function useWindowFiles(sink: ExplanationSink, takeOpened: boolean): void {
  useEffect(() => {
    setExplanationSink(sink);
    const offEvents = connectFileEvents();
    if (!takeOpened) return offEvents;
    const take = () =>
      void parley.files.takeOpened({}).then((r) => {
        if (!r.ok) return;
        r.value.files.forEach((f, i) => {
          if (f.result.ok) startPrepared(f.result.file, i === 0);
          else showRefusal(f.path, f.result.error.message);
        });
      });
    const offOpened = parley.subscribe('files:opened', take);
    take(); // files given at launch arrived before this window listened
    return () => {
      offEvents();
      offOpened();
    };
  }, [sink, takeOpened]);
}
