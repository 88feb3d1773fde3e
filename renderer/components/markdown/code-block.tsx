import { CopyButton } from './copy-button';
import { useHighlighted } from './highlighter';

/** A fence is closed when its last line is a run of the opening character at least as long as the opening run. */
export function isFenceClosed(raw: string): boolean {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
  if (!open) return true; // an indented code block: nothing to close
  const body = raw.trimEnd();
  const lastLine = body.lastIndexOf('\n');
  if (lastLine === -1) return false;
  const fence = body.slice(lastLine + 1).trim();
  const ch = open[1]![0]!;
  return fence.length >= open[1]!.length && [...fence].every((c) => c === ch);
}

const languageName = /^[\w+#.-]{1,40}$/;

/** A code block, highlighted once its fence closes (plain while it is being written), with a copy button. */
export function CodeBlock({ code, lang, closed }: { code: string; lang: string; closed: boolean }) {
  const language = languageName.test(lang) ? lang.toLowerCase() : '';
  const tree = useHighlighted(language, code, closed && language !== '');
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span className="code-block-lang">{language || 'text'}</span>
        <CopyButton text={code} />
      </div>
      <pre>
        <code className={[tree ? 'hljs' : '', language ? `language-${language}` : ''].filter(Boolean).join(' ') || undefined}>{tree ?? code}</code>
      </pre>
    </div>
  );
}
