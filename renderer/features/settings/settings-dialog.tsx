import { ModalDialog, SaveCancelButtons } from '../../components/modal-dialog';
import { useEffect, useRef, useState } from 'react';
import { useSettingsStore } from '../../stores/settings-store';
import { describeKey } from './key-status-line';
import { ChatDefaultsFields, useChatDefaultsForm } from './chat-defaults-fields';
import { ThemePicker } from './theme-picker';
import { DataTransfer } from './data-transfer';
import { ProvidersSection } from './providers-section';
import { QuickAskSection } from './quick-ask-section';
import { UpdateSection } from './update-section';
import { TemplateLibrary } from '../templates/template-library';

export function SettingsDialog() {
  const { provider, key, setOpen, saveProvider, saveKey, removeKey } = useSettingsStore();
  const [apiKey, setApiKey] = useState('');
  const [baseUrl, setBaseUrl] = useState(provider?.baseUrl ?? '');
  const [model, setModel] = useState(provider?.model ?? '');
  const [sessionOnly, setSessionOnly] = useState(false);
  const chatDefaults = useChatDefaultsForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const keychainMissing = key !== null && !key.keychainAvailable;

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (keychainMissing) setSessionOnly(true);
  }, [keychainMissing]);
  // These fields edit the default provider: when another becomes the default, they show that one.
  useEffect(() => {
    setBaseUrl(provider?.baseUrl ?? '');
    setModel(provider?.model ?? '');
  }, [provider?.id, provider?.baseUrl, provider?.model]);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      if (baseUrl !== provider?.baseUrl || model !== provider?.model) await saveProvider(baseUrl, model);
      if (apiKey.trim()) await saveKey(apiKey, sessionOnly);
      await chatDefaults.save();
      setApiKey('');
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <ModalDialog title="Settings" onClose={() => setOpen(false)}>
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{provider ? `Default provider: ${provider.name}` : 'Provider'}</legend>
        <label>
          API key
          <input
            ref={first}
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={key?.hasKey ? `•••• ${key.last4}` : 'sk-…'}
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </label>
        <p className="hint" id="key-status">
          {describeKey(key)}{' '}
          {key?.hasKey && key.source !== 'environment' && (
            <button type="button" className="link" onClick={() => void removeKey().catch((e: Error) => setError(e.message))}>
              Remove key
            </button>
          )}
        </p>
        {keychainMissing && (
          <div role="alert" className="warning">
            {key.keychainProblem}
          </div>
        )}
        <label className="check">
          <input type="checkbox" checked={sessionOnly} onChange={(e) => setSessionOnly(e.target.checked)} />
          Keep the key for this session only (never written to disk)
        </label>
        <label>
          Base URL
          <input type="url" spellCheck={false} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        </label>
        <label>
          Model
          <input spellCheck={false} value={model} onChange={(e) => setModel(e.target.value)} />
        </label>
      </fieldset>
      <ProvidersSection />
      <ChatDefaultsFields form={chatDefaults} />
      <fieldset>
        <legend>Appearance</legend>
        <ThemePicker />
      </fieldset>
      <QuickAskSection />
      <UpdateSection />
      <TemplateLibrary />
      <DataTransfer />
      {error && (
        <div role="alert" className="problem">
          {error}
        </div>
      )}
      <SaveCancelButtons onCancel={() => setOpen(false)} saveDisabled={saving} />
    </form>
    </ModalDialog>
  );
}
