import { useEffect, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { PromptTemplate } from '../../../shared/prompt-templates';
import { useTemplateStore } from '../../stores/template-store';

export interface TemplatePicker {
  /** The list to show under the composer, or null while closed. */
  element: ReactElement | null;
  /** Returns true when the key was the picker's (so the composer must not send). */
  onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean;
}

/**
 * Typing "/" at the start of an empty message opens the template library,
 * filtered by what follows the slash, as in Slack and Cherry Studio.
 */
export function useTemplatePicker(draft: string, onPick: (t: PromptTemplate) => void): TemplatePicker {
  const templates = useTemplateStore((s) => s.templates);
  const [active, setActive] = useState(0);
  const [dismissedFor, setDismissedFor] = useState<string | null>(null);
  const query = /^\/[^\s]*$/.test(draft) ? draft.slice(1).toLowerCase() : null;
  const matches = query === null ? [] : templates.filter((t) => t.name.toLowerCase().includes(query));
  const open = query !== null && dismissedFor !== draft && matches.length > 0;

  useEffect(() => {
    if (query !== null) void useTemplateStore.getState().load();
  }, [query]);
  useEffect(() => setActive(0), [query]);

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
      return true;
    }
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      onPick(matches[Math.min(active, matches.length - 1)]!);
      return true;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      setDismissedFor(draft);
      return true;
    }
    return false;
  }

  const element = open ? (
    <ul className="template-picker" role="listbox" aria-label="Prompt templates">
      {matches.map((t, i) => (
        <li
          key={t.id}
          id={`template-${t.id}`}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault(); // keep focus in the message box
            onPick(t);
          }}
        >
          <span className="template-name">{t.name}</span>
          <span className="template-prompt">{t.prompt}</span>
        </li>
      ))}
    </ul>
  ) : null;

  return { element, onKeyDown };
}
