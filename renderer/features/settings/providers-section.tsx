import { useEffect, useState } from 'react';
import { useProvidersStore } from '../../stores/providers-store';
import { AddProviderForm } from './add-provider-form';
import { ProviderRow } from './provider-row';
import './providers.css';

/**
 * Every provider Parley can talk to, each with its own key; the default is
 * the one new conversations use. A local Ollama or LM Studio found at first
 * run is offered at the top.
 */
export function ProvidersSection() {
  const { providers, defaultProviderId, localServers, load, adoptLocalServer } = useProvidersStore();
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void load().catch((err: Error) => setProblem(err.message));
  }, [load]);

  return (
    <fieldset className="providers">
      <legend>Providers</legend>
      {localServers.map((server) => (
        <div key={server.baseUrl} className="local-offer">
          <span>
            {`${server.name} is running on this computer`}
            {server.models.length ? ` with ${server.models.length === 1 ? '1 model' : `${server.models.length} models`}` : ''}. It needs no key.
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => void adoptLocalServer(server).catch((err: Error) => setProblem(err.message))}
          >
            {`Use ${server.name} (found on this computer)`}
          </button>
        </div>
      ))}
      <ul className="provider-list">
        {providers.map((p) => (
          <ProviderRow key={p.id} provider={p} isDefault={p.id === defaultProviderId} />
        ))}
      </ul>
      <AddProviderForm />
      {problem && (
        <div role="alert" className="warning">
          {problem}
        </div>
      )}
    </fieldset>
  );
}
