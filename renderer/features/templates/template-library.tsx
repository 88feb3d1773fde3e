import { useEffect, useState } from 'react';
import type { PromptTemplate } from '../../../shared/prompt-templates';
import { useTemplateStore } from '../../stores/template-store';
import { TemplateEditor } from './template-editor';

const blank = (): PromptTemplate => ({ id: `tpl-${Date.now().toString(36)}`, name: '', prompt: '', temperature: null });

/** The library behind "/" in the composer: edit, add, delete, or go back to the defaults. */
export function TemplateLibrary() {
  const { templates, load, save, remove, reset } = useTemplateStore();
  const [editing, setEditing] = useState<PromptTemplate | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void load().catch((e: Error) => setError(e.message)), [load]);
  const attempt = (job: Promise<void>) => job.catch((e: Error) => setError(e.message));

  return (
    <fieldset>
      <legend>Prompt templates</legend>
      <p className="hint">Type / at the start of a message to use one.</p>
      {editing ? (
        <TemplateEditor
          template={editing}
          onCancel={() => setEditing(null)}
          onSave={async (t) => {
            await save(t);
            setEditing(null);
          }}
        />
      ) : (
        <>
          <ul className="template-list" aria-label="Prompt templates">
            {templates.map((t) => (
              <li key={t.id}>
                <span>
                  {t.name}
                  {t.temperature !== null && <span className="hint"> · {t.temperature}</span>}
                </span>
                <span>
                  <button type="button" className="link" aria-label={`Edit ${t.name}`} onClick={() => setEditing(t)}>
                    Edit
                  </button>{' '}
                  <button type="button" className="link danger-text" aria-label={`Delete ${t.name}`} onClick={() => void attempt(remove(t.id))}>
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
          <div className="data-buttons">
            <button type="button" onClick={() => setEditing(blank())}>
              Add template
            </button>
            <button type="button" onClick={() => void attempt(reset())}>
              Restore default templates
            </button>
          </div>
        </>
      )}
      {error && (
        <div role="alert" className="problem">
          {error}
        </div>
      )}
    </fieldset>
  );
}
