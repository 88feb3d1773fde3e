import { useLazyModule } from './lazy-module';
import { mathRenderer } from './math-renderer';

/** A formula typeset by KaTeX once it is complete and KaTeX has loaded; its TeX source until then. */
export function MathView({ tex, display, closed }: { tex: string; display: boolean; closed: boolean }) {
  const katex = useLazyModule(mathRenderer, closed);
  if (!closed || katex === null) {
    return display ? <pre className="math-source">{tex}</pre> : <code className="math-source">{tex}</code>;
  }
  const __html = katex.toHtml(tex, display);
  return display ? <div className="math-display" dangerouslySetInnerHTML={{ __html }} /> : <span className="math-inline" dangerouslySetInnerHTML={{ __html }} />;
}
