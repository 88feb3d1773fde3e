/// <reference lib="webworker" />
import { common, createLowlight } from 'lowlight';

// Highlighting a long block takes tens of milliseconds; here it never holds up a frame of the chat window.
const lowlight = createLowlight(common);

self.onmessage = (event: MessageEvent<{ id: number; lang: string; code: string }>) => {
  const { id, lang, code } = event.data;
  let tree = null;
  try {
    tree = lowlight.registered(lang) ? lowlight.highlight(lang, code).children : null;
  } catch {
    tree = null;
  }
  self.postMessage({ id, tree });
};
