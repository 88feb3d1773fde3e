import { ModalDialog, SaveCancelButtons } from '../../components/modal-dialog';
import { useEffect, useRef, useState } from 'react';
import { findModel, knownModelIds } from '../../../shared/model-catalogue';
import { conversationById, useChatStore } from '../../stores/chat-store';
import { useConversationOptionsStore } from '../../stores/conversation-options-store';
import { useProvidersStore } from '../../stores/providers-store';
import { useSettingsStore } from '../../stores/settings-store';

/** An empty number field means "use the default". */
export function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

const textOf = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** Model, system prompt, temperature and answer length of one conversation; empty fields follow Settings. */
export function ConversationOptionsDialog({ conversationId }: { conversationId: string | null }) {
  const { load, save, close, loadDefaults, defaults } = useConversationOptionsStore();
  // The conversation's own provider decides the default model and which models it offers.
  const providerId = useChatStore((s) => conversationById(s, conversationId)?.providerId);
  const provider = useProvidersStore((s) => s.providers.find((p) => p.id === (providerId ?? s.defaultProviderId)));
  const fetchedModels = useProvidersStore((s) => (provider ? s.models[provider.id] : undefined));
  const fallbackModel = useSettingsStore((s) => s.provider?.model ?? '');
  const defaultModel = provider?.model ?? fallbackModel;
  const suggestions = [...new Set([...(fetchedModels ?? []), ...knownModelIds])];
  const [model, setModel] = useState('');
  const [systemPrompt, setSystemPrompt] = useState('');
  const [temperature, setTemperature] = useState('');
  const [maxOutputTokens, setMaxOutputTokens] = useState('');
  const [loaded, setLoaded] = useState(conversationId === null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadDefaults().catch(() => {}); // without defaults the placeholders just say "Default"
    if (!conversationId) return;
    load(conversationId)
      .then((o) => {
        setModel(o.model ?? '');
        setSystemPrompt(o.systemPrompt ?? '');
        setTemperature(textOf(o.temperature));
        setMaxOutputTokens(textOf(o.maxOutputTokens));
        setLoaded(true);
      })
      .catch((err: Error) => setError(`Could not load this conversation’s settings: ${err.message}`));
  }, [conversationId, load, loadDefaults]);
  useEffect(() => {
    if (loaded) first.current?.focus();
  }, [loaded]);

  async function submit() {
    setSaving(true);
    setError(null);
    try {
      await save(conversationId, {
        model: model.trim() || null,
        systemPrompt: systemPrompt.trim() ? systemPrompt : null,
        temperature: numberOrNull(temperature),
        maxOutputTokens: numberOrNull(maxOutputTokens),
      });
      close();
    } catch (err) {
      // The dialog stays open with what was typed, so nothing is lost.
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  const effectiveModel = model.trim() || defaultModel;
  const reasoning = findModel(effectiveModel)?.reasoning === true;
  const info = findModel(effectiveModel);

  return (
    <ModalDialog title="Chat options" onClose={close}>
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset disabled={!loaded}>
        <label>
          Model
          <input ref={first} list="known-models" spellCheck={false} placeholder={`Default (${defaultModel})`} value={model} onChange={(e) => setModel(e.target.value)} />
        </label>
        <datalist id="known-models">
          {suggestions.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
        <p className="hint">
          {info
            ? `${info.contextWindow.toLocaleString('en-US')}-token context, $${info.inputPerMillion} / $${info.outputPerMillion} per million tokens in / out.`
            : 'Not in Parley’s catalogue: a 32k context is assumed and the cost is unknown.'}
        </p>
        <label>
          System prompt
          <textarea
            rows={4}
            placeholder={defaults?.systemPrompt ? `Default: ${defaults.systemPrompt}` : 'None'}
            value={systemPrompt}
            onChange={(e) => setSystemPrompt(e.target.value)}
          />
        </label>
        <label>
          Temperature
          <input
            type="number"
            min={0}
            max={2}
            step={0.1}
            placeholder={defaults?.temperature != null ? `Default (${defaults.temperature})` : 'Default'}
            value={temperature}
            onChange={(e) => setTemperature(e.target.value)}
          />
        </label>
        {reasoning && temperature !== '' && <p className="hint">{effectiveModel} sets its own temperature: this one is not sent to it.</p>}
        <label>
          Max output tokens
          <input
            type="number"
            min={1}
            step={1}
            placeholder={defaults?.maxOutputTokens != null ? `Default (${defaults.maxOutputTokens})` : 'Default'}
            value={maxOutputTokens}
            onChange={(e) => setMaxOutputTokens(e.target.value)}
          />
        </label>
        <p className="hint">Empty fields follow the defaults in Settings.</p>
      </fieldset>
      {error && (
        <div role="alert" className="problem">
          {error}
        </div>
      )}
      <SaveCancelButtons onCancel={close} saveDisabled={saving || !loaded} />
    </form>
    </ModalDialog>
  );
}

/** The labelled button in the chat header, and the dialog it opens. */
export function ConversationOptionsButton() {
  const selectedId = useChatStore((s) => s.selectedId);
  const editing = useConversationOptionsStore((s) => s.editing);
  const openFor = useConversationOptionsStore((s) => s.openFor);
  return (
    <>
      <button type="button" className="conversation-options-button" onClick={() => openFor(selectedId)}>
        Chat options
      </button>
      {editing !== null && <ConversationOptionsDialog conversationId={editing || null} />}
    </>
  );
}
