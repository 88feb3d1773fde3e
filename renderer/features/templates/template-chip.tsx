import type { PromptTemplate } from '../../../shared/prompt-templates';

export function TemplateChip({ template, onClear }: { template: PromptTemplate; onClear(): void }) {
  return (
    <p className="template-chip" role="status">
      Template: {template.name}
      {template.temperature !== null && ` · temperature ${template.temperature}`}
      <button type="button" className="icon" aria-label={`Stop using the ${template.name} template`} onClick={onClear}>
        ×
      </button>
    </p>
  );
}
