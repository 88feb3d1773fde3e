import { useState } from 'react';
import { parley, unwrap } from '../../api/parley';
import { useChatStore } from '../../stores/chat-store';
import { downloadFile } from '../conversations/download-file';

/** Export everything, or import a Parley export or ChatGPT's conversations.json. The renderer reads the chosen file's text; main parses and writes it. */
export function DataTransfer() {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(job: () => Promise<string>) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ ok: true, text: await job() });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  }

  const exportAll = () =>
    run(async () => {
      const file = await unwrap(parley.data.exportAll({}));
      downloadFile(file.fileName, file.mimeType, file.content);
      return 'Your conversations were exported. API keys are never included.';
    });

  const importFile = (file: File) =>
    run(async () => {
      const result = await unwrap(parley.data.import({ content: await file.text() }));
      await useChatStore.getState().loadConversations();
      const from = result.source === 'chatgpt' ? 'ChatGPT' : 'Parley';
      return `Imported ${result.conversations} conversation${result.conversations === 1 ? '' : 's'} (${result.messages} messages) from a ${from} export.`;
    });

  return (
    <fieldset>
      <legend>Your data</legend>
      <div className="data-buttons">
        <button type="button" onClick={() => void exportAll()} disabled={busy}>
          Export everything
        </button>
        <label className="file-button">
          Import
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      <p className="hint">Import reads Parley exports and ChatGPT’s conversations.json (from its data export).</p>
      {status && (
        <div role={status.ok ? 'status' : 'alert'} className={status.ok ? 'hint' : 'problem'}>
          {status.text}
        </div>
      )}
    </fieldset>
  );
}
