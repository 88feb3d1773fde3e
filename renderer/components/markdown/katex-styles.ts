// KaTeX's stylesheet and fonts, bundled locally (the CSP allows no remote fonts) and loaded with KaTeX itself.
import 'katex/dist/katex.min.css';
