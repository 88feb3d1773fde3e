import { z } from 'zod';
import { Id } from './domain';

export const PromptTemplate = z
  .object({
    id: Id,
    name: z.string().trim().min(1, 'a template needs a name').max(60),
    /** Put before what the person types; they add the code, text or question after it. */
    prompt: z.string().trim().min(1, 'a template needs a prompt').max(20_000),
    /** The temperature the answer is written with; null keeps the conversation's. */
    temperature: z.number().min(0).max(2).nullable(),
  })
  .strict();
export type PromptTemplate = z.infer<typeof PromptTemplate>;

/** The starting library: the requests people make of a chat app most, each at the temperature that suits it. */
export const defaultPromptTemplates: PromptTemplate[] = [
  { id: 'explain-code', name: 'Explain code', prompt: 'Explain what this code does, how it is structured, and anything risky in it:', temperature: 0.2 },
  { id: 'find-bug', name: 'Find the bug', prompt: 'Find the bug in this code. Say what is wrong, why, and show the fix:', temperature: 0.1 },
  { id: 'write-code', name: 'Write code', prompt: 'Write code that does the following. Include brief comments and an example of use:', temperature: 0.3 },
  { id: 'review', name: 'Review', prompt: 'Review this as an experienced colleague would: correctness, clarity, edge cases, and concrete suggestions:', temperature: 0.3 },
  { id: 'summarise', name: 'Summarise', prompt: 'Summarise the following in a few short paragraphs, then list the key points:', temperature: 0.3 },
  { id: 'translate', name: 'Translate', prompt: 'Translate the following into English, keeping its tone and formatting:', temperature: 0.2 },
  // With 'explain-code' above, these are what a dropped file is explained with (shared/file-explanation.ts picks one per kind).
  { id: 'explain-document', name: 'Explain a document', prompt: 'Explain this document: summarise it in a short paragraph, then list its key points:', temperature: 0.3 },
  { id: 'explain-data', name: 'Explain data', prompt: 'Explain this data: its schema (the fields and what they hold), its quality (gaps, duplicates, odd formats), and any notable values or patterns:', temperature: 0.2 },
  { id: 'explain-log', name: 'Explain a log', prompt: 'Explain this log: what happened, the likely causes of any errors or warnings, and what to check next:', temperature: 0.2 },
];
