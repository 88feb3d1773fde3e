import { useEffect, useRef, useState } from 'react';
import { useConversationOptionsStore } from '../../stores/conversation-options-store';
import { numberOrNull } from '../chat/conversation-options-dialog';

export interface ChatDefaultsForm {
  systemPrompt: string;
  temperature: string;
  maxOutputTokens: string;
  set(change: Partial<Pick<ChatDefaultsForm, 'systemPrompt' | 'temperature' | 'maxOutputTokens'>>): void;
  /** Saves only when something changed, so that Settings' Save does not write what it did not touch. */
  save(): Promise<void>;
}

const textOf = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** The state of the defaults fields, held by the Settings dialog so its one Save button saves them too. */
export function useChatDefaultsForm(): ChatDefaultsForm {
  const { loadDefaults, saveDefaults } = useConversationOptionsStore();
  const [fields, setFields] = useState({ systemPrompt: '', temperature: '', maxOutputTokens: '' });
  // A ref, not state: the load below must see an edit made while it was on its way.
  const touched = useRef(false);

  useEffect(() => {
    void loadDefaults()
      .then((d) => {
        // Typing before the saved defaults arrive wins: they must not overwrite it.
        if (!touched.current) setFields({ systemPrompt: d.systemPrompt ?? '', temperature: textOf(d.temperature), maxOutputTokens: textOf(d.maxOutputTokens) });
      })
      .catch(() => {}); // the fields stay empty; saving then reports any real problem
  }, [loadDefaults]);

  return {
    ...fields,
    set(change) {
      touched.current = true;
      setFields((f) => ({ ...f, ...change }));
    },
    async save() {
      if (!touched.current) return;
      await saveDefaults({
        systemPrompt: fields.systemPrompt.trim() ? fields.systemPrompt : null,
        temperature: numberOrNull(fields.temperature),
        maxOutputTokens: numberOrNull(fields.maxOutputTokens),
      });
      touched.current = false;
    },
  };
}

export function ChatDefaultsFields({ form }: { form: ChatDefaultsForm }) {
  return (
    <fieldset>
      <legend>New conversations</legend>
      <p className="hint">Used by every conversation that has not chosen its own in Chat options.</p>
      <label>
        Default system prompt
        <textarea rows={3} placeholder="None" value={form.systemPrompt} onChange={(e) => form.set({ systemPrompt: e.target.value })} />
      </label>
      <label>
        Default temperature
        <input type="number" min={0} max={2} step={0.1} placeholder="The model’s own" value={form.temperature} onChange={(e) => form.set({ temperature: e.target.value })} />
      </label>
      <label>
        Default max output tokens
        <input type="number" min={1} step={1} placeholder="The model’s own" value={form.maxOutputTokens} onChange={(e) => form.set({ maxOutputTokens: e.target.value })} />
      </label>
    </fieldset>
  );
}
