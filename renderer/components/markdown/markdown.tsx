import './markdown.css';

export { MarkdownView as Markdown } from './markdown-view';
