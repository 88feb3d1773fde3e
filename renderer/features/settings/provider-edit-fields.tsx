import { useState, type KeyboardEvent } from 'react';
import type { Provider, ProviderFallback, UpdateProviderInput } from '../../../shared/providers';
import { insecureWarning, isInsecureRemote } from './insecure-address';
import { ProviderFallbackFields } from './provider-fallback-fields';

/**
 * Name and address of a provider (and Azure's deployment and api-version),
 * to fix a typo without removing the provider and its key, and its fallback. Like the add
 * form it lives inside the Settings form, so Enter saves these fields only.
 */
export function ProviderEditFields({ provider, onSave, onCancel }: { provider: Provider; onSave(change: UpdateProviderInput): Promise<void>; onCancel(): void }) {
  const [name, setName] = useState(provider.name);
  const [baseUrl, setBaseUrl] = useState(provider.baseUrl);
  const [deployment, setDeployment] = useState(provider.deployment ?? '');
  const [apiVersion, setApiVersion] = useState(provider.apiVersion ?? '');
  const [fallback, setFallback] = useState<ProviderFallback | null>(provider.fallback ?? null);
  const [busy, setBusy] = useState(false);
  const azure = provider.kind === 'azure';

  async function save() {
    setBusy(true);
    try {
      await onSave({
        id: provider.id,
        ...(provider.builtIn ? {} : { name }),
        baseUrl,
        ...(azure ? { apiVersion, deployment: deployment.trim() ? deployment : null } : {}),
        // A fallback without a model yet is no fallback.
        fallback: fallback?.model.trim() ? { ...fallback, model: fallback.model.trim() } : null,
      });
    } finally {
      setBusy(false);
    }
  }

  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (!busy) void save();
  };

  return (
    <div role="group" aria-label={`Edit ${provider.name}`} className="provider-edit" onKeyDown={onEnter}>
      {!provider.builtIn && (
        <label>
          {`Name of ${provider.name}`}
          <input spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      <label>
        {azure ? `Endpoint of ${provider.name}` : `Address of ${provider.name}`}
        <input type="url" spellCheck={false} value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
      </label>
      {isInsecureRemote(baseUrl) && <p className="hint">{insecureWarning}</p>}
      {azure && (
        <>
          <label>
            {`Deployment of ${provider.name}`}
            <input spellCheck={false} value={deployment} onChange={(e) => setDeployment(e.target.value)} />
          </label>
          <label>
            {`API version of ${provider.name}`}
            <input spellCheck={false} value={apiVersion} onChange={(e) => setApiVersion(e.target.value)} />
          </label>
        </>
      )}
      <ProviderFallbackFields provider={provider} value={fallback} onChange={setFallback} />
      <div className="provider-actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          Save changes
        </button>
        <button type="button" onClick={onCancel}>
          Discard changes
        </button>
      </div>
    </div>
  );
}
