/**
 * A Jupyter notebook is JSON, but what a person wants explained is its
 * code and prose: the cells, in order, as one source file with the markdown
 * cells as comments. Outputs are left out (they are often base64 images and
 * can be megabytes), and the text says so.
 */
interface NotebookCell {
  cell_type?: string;
  source?: string | string[];
  outputs?: unknown[];
}

interface Notebook {
  cells?: NotebookCell[];
  metadata?: { kernelspec?: { language?: string }; language_info?: { name?: string } };
}

export interface NotebookText {
  text: string;
  language: string;
}

const commentPrefix: Record<string, string> = { python: '#', r: '#', julia: '#', ruby: '#', scala: '//', javascript: '//', typescript: '//' };

export function notebookText(json: string): NotebookText | null {
  let notebook: Notebook;
  try {
    notebook = JSON.parse(json) as Notebook;
  } catch {
    return null;
  }
  if (!Array.isArray(notebook.cells)) return null;
  const language = (notebook.metadata?.language_info?.name ?? notebook.metadata?.kernelspec?.language ?? 'python').toLowerCase();
  const comment = commentPrefix[language] ?? '#';
  let outputs = 0;
  const blocks = notebook.cells.map((cell, i) => {
    const source = Array.isArray(cell.source) ? cell.source.join('') : (cell.source ?? '');
    outputs += cell.outputs?.length ?? 0;
    const body = cell.cell_type === 'code' ? source : source.split('\n').map((line) => `${comment} ${line}`.trimEnd()).join('\n');
    return `${comment} %% [${i + 1}] ${cell.cell_type ?? 'cell'}\n${body}`;
  });
  const note = outputs > 0 ? `${comment} (${outputs} cell output${outputs === 1 ? '' : 's'} left out)\n\n` : '';
  return { text: `${note}${blocks.join('\n\n')}\n`, language };
}
