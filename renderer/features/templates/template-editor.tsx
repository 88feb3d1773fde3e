import { useState } from 'react';
import type { PromptTemplate } from '../../../shared/prompt-templates';

interface Props {
  template: PromptTemplate;
  onSave(t: PromptTemplate): Promise<void>;
  onCancel(): void;
}

export function TemplateEditor({ template, onSave, onCancel }: Props) {
  const [name, setName] = useState(template.name);
  const [prompt, setPrompt] = useState(template.prompt);
  const [temperature, setTemperature] = useState(template.temperature === null ? '' : String(template.temperature));
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const t = temperature.trim() === '' ? null : Number(temperature);
    if (t !== null && !(t >= 0 && t <= 2)) return setError('The temperature is a number from 0 to 2, or empty to keep the conversation’s.');
    try {
      await onSave({ ...template, name: name.trim(), prompt: prompt.trim(), temperature: t });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <div
      className="template-editor"
      role="group"
      aria-label={`Edit template ${template.name || 'new'}`}
      onKeyDown={(e) => {
        // Enter in a field saves the template, not the whole Settings form around it.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          e.preventDefault();
          void save();
        }
      }}
    >
      <label>
        Template name
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label>
        Template prompt
        <textarea rows={3} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <label>
        Template temperature
        <input type="number" min={0} max={2} step={0.1} placeholder="conversation’s" value={temperature} onChange={(e) => setTemperature(e.target.value)} />
      </label>
      {error && (
        <div role="alert" className="problem">
          {error}
        </div>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save template
        </button>
      </div>
    </div>
  );
}
