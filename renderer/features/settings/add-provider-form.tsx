import { useState, type KeyboardEvent } from 'react';
import { defaultAzureApiVersion } from '../../../shared/provider-defaults';
import type { AddProviderInput, ProviderKind } from '../../../shared/providers';
import { useProvidersStore } from '../../stores/providers-store';
import { insecureWarning, isInsecureRemote } from './insecure-address';

const kinds: { value: ProviderKind; label: string; url: string }[] = [
  { value: 'compatible', label: 'OpenAI-compatible server (Ollama, LM Studio, OpenRouter, Groq…)', url: 'http://127.0.0.1:11434/v1' },
  { value: 'azure', label: 'Azure OpenAI', url: 'https://your-resource.openai.azure.com' },
  { value: 'openai', label: 'OpenAI (another account)', url: 'https://api.openai.com/v1' },
];

const empty = { name: '', baseUrl: '', key: '', model: '', apiVersion: defaultAzureApiVersion, deployment: '' };

/**
 * Adds a provider. It sits inside the Settings form, so it cannot be a form
 * itself: Enter in its fields adds the provider instead of saving Settings.
 */
export function AddProviderForm() {
  const add = useProvidersStore((s) => s.add);
  const [kind, setKind] = useState<ProviderKind>('compatible');
  const [fields, setFields] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const set = (change: Partial<typeof empty>) => setFields((f) => ({ ...f, ...change }));
  const example = kinds.find((k) => k.value === kind)!.url;

  async function submit() {
    setBusy(true);
    setProblem(null);
    setAdded(null);
    const input: AddProviderInput = {
      kind,
      name: fields.name,
      baseUrl: fields.baseUrl,
      ...(fields.model.trim() ? { model: fields.model } : {}),
      ...(kind === 'azure' ? { apiVersion: fields.apiVersion, ...(fields.deployment.trim() ? { deployment: fields.deployment } : {}) } : {}),
    };
    try {
      const provider = await add(input, fields.key);
      // Cleared only once everything, the key included, is saved: a failure keeps what was typed.
      setFields(empty);
      setAdded(`${provider.name} added. Fetch its models or test the connection below.`);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (!busy) void submit();
  };

  return (
    <div role="group" aria-labelledby="add-provider-title" className="add-provider" onKeyDown={onEnter}>
      <h3 id="add-provider-title">Add a provider</h3>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as ProviderKind)}>
          {kinds.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input spellCheck={false} value={fields.name} placeholder={kind === 'azure' ? 'Work Azure' : 'Groq'} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        {kind === 'azure' ? 'Endpoint of the new provider' : 'Address of the new provider'}
        <input type="url" spellCheck={false} value={fields.baseUrl} placeholder={example} onChange={(e) => set({ baseUrl: e.target.value })} />
      </label>
      <p className="hint">{kind === 'azure' ? 'The endpoint the Azure portal shows for the resource.' : 'Used exactly as typed, usually ending in /v1.'}</p>
      {isInsecureRemote(fields.baseUrl) && <p className="hint">{insecureWarning}</p>}
      {kind === 'azure' && (
        <>
          <label>
            Deployment
            <input spellCheck={false} value={fields.deployment} placeholder="gpt-4o-prod" onChange={(e) => set({ deployment: e.target.value })} />
          </label>
          <label>
            API version
            <input spellCheck={false} value={fields.apiVersion} onChange={(e) => set({ apiVersion: e.target.value })} />
          </label>
        </>
      )}
      <label>
        {kind === 'compatible' ? 'Key of the new provider (if it needs one)' : 'Key of the new provider'}
        <input type="password" autoComplete="off" spellCheck={false} value={fields.key} onChange={(e) => set({ key: e.target.value })} />
      </label>
      <label>
        Default chat model (optional)
        <input spellCheck={false} value={fields.model} placeholder="Pick later with Fetch models" onChange={(e) => set({ model: e.target.value })} />
      </label>
      <div className="provider-actions">
        <button type="button" disabled={busy || !fields.name.trim() || !fields.baseUrl.trim()} onClick={() => void submit()}>
          Add provider
        </button>
      </div>
      {added && (
        <p role="status" className="hint">
          {added}
        </p>
      )}
      {problem && (
        <div role="alert" className="warning">
          {problem}
        </div>
      )}
    </div>
  );
}
