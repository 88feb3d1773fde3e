import { useEffect, useRef, useState } from 'react';
import type { Provider } from '../../../shared/providers';
import { useProvidersStore, type ConnectionResult } from '../../stores/providers-store';
import { describeKey } from './key-status-line';
import { ProviderEditFields } from './provider-edit-fields';

const kindNames: Record<Provider['kind'], string> = { openai: 'OpenAI', azure: 'Azure OpenAI', compatible: 'OpenAI-compatible' };

function describeConnection(result: ConnectionResult): string {
  if (!result.ok) return result.message;
  const { latencyMs, modelCount } = result.check;
  return `Connected in ${latencyMs} ms; ${modelCount === 1 ? '1 model' : `${modelCount} models`} listed.`;
}

/**
 * One provider in Settings: its key, its model (the list filled by "Fetch
 * models"), a connection test, and making it the default or removing it.
 * Every button names its provider, so a screen reader's list of buttons says
 * which one it acts on.
 */
export function ProviderRow({ provider, isDefault }: { provider: Provider; isDefault: boolean }) {
  const { keys, models, connection, setDefault, remove, setModel, update, saveKey, fetchModels, test } = useProvidersStore();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  // The Remove button disappears when asked to confirm: the keyboard goes to the safe answer, not to the page.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);
  const status = keys[provider.id] ?? null;
  const fetched = models[provider.id];
  const choices = [...new Set([...(provider.model ? [provider.model] : []), ...(fetched ?? [])])];
  const result = connection[provider.id];
  const name = provider.name;

  /** Runs one action at a time; a failure is shown beside the provider and nothing typed is cleared. */
  async function run(what: string, action: () => Promise<void>) {
    setBusy(what);
    setProblem(null);
    try {
      await action();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className="provider" aria-label={name}>
      <div className="provider-head">
        <strong>{name}</strong>
        <span className="hint">
          {kindNames[provider.kind]}
          {provider.kind === 'azure' && provider.deployment ? `, deployment ${provider.deployment}` : ''}
          {isDefault ? ' · default for new chats' : ''}
        </span>
      </div>
      <p className="hint provider-url">{provider.baseUrl}</p>
      <p className="hint">
        {status?.hasKey || provider.kind !== 'compatible' ? describeKey(status) : 'No key: fine for a server on this computer.'}
      </p>
      <div className="provider-line">
        <label>
          {`Key for ${name}`}
          <input type="password" autoComplete="off" spellCheck={false} value={key} placeholder={status?.hasKey ? `•••• ${status.last4}` : ''} onChange={(e) => setKey(e.target.value)} />
        </label>
        <button type="button" aria-label={`Save key for ${name}`} disabled={!key.trim() || busy !== null} onClick={() => void run('key', async () => {
          await saveKey(provider.id, key);
          setKey('');
        })}>
          Save key
        </button>
      </div>
      <div className="provider-line">
        <label>
          {`Model for ${name}`}
          <select value={provider.model ?? ''} disabled={busy !== null} onChange={(e) => void run('model', () => setModel(provider.id, e.target.value))}>
            {!provider.model && <option value="">Choose a model…</option>}
            {choices.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-label={`Fetch models of ${name}`} disabled={busy !== null} onClick={() => void run('models', () => fetchModels(provider.id))}>
          {busy === 'models' ? 'Fetching…' : 'Fetch models'}
        </button>
      </div>
      {fetched && <p className="hint">{fetched.length === 0 ? `${name} listed no models.` : `${fetched.length} models found; choose one above.`}</p>}
      <div className="provider-actions">
        <button type="button" aria-label={`Test connection to ${name}`} disabled={busy !== null} onClick={() => void run('test', () => test(provider.id))}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        {!editing && (
          <button type="button" aria-label={`Edit ${name}`} disabled={busy !== null} onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        {!isDefault && (
          <button type="button" aria-label={`Make ${name} the default`} disabled={busy !== null} onClick={() => void run('default', () => setDefault(provider.id))}>
            Make default
          </button>
        )}
        {!provider.builtIn && !confirming && (
          <button type="button" aria-label={`Remove ${name}`} disabled={busy !== null} onClick={() => setConfirming(true)}>
            Remove
          </button>
        )}
      </div>
      {editing && (
        <ProviderEditFields
          provider={provider}
          onCancel={() => setEditing(false)}
          onSave={(change) =>
            run('edit', async () => {
              await update(change);
              setEditing(false);
            })
          }
        />
      )}
      {confirming && (
        // Removing also deletes the key from the keychain, which cannot be undone from here.
        <div role="group" aria-label={`Remove ${name}?`} className="warning provider-confirm">
          <span>{`Remove ${name} and its saved key? Its conversations will use the default provider.`}</span>
          <button type="button" disabled={busy !== null} onClick={() => void run('remove', () => remove(provider.id))}>
            {`Yes, remove ${name}`}
          </button>
          <button type="button" ref={keepButton} onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      {/* Rendered only with a result, so the dialog holds no empty status regions for other sections' tests and readers to trip on. */}
      {result?.ok && busy !== 'test' && (
        <p role="status" className="hint">
          {describeConnection(result)}
        </p>
      )}
      {result && !result.ok && busy !== 'test' && (
        <div role="alert" className="warning">
          {describeConnection(result)}
        </div>
      )}
      {problem && (
        <div role="alert" className="warning">
          {problem}
        </div>
      )}
    </li>
  );
}
