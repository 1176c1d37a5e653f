import { withBase } from '../routes';

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The tiny inline Markdown that tree help texts may use: `code` and
 * [links](/site/path/). Everything else is escaped, so the tree file cannot
 * inject markup; only site-relative and https links are kept.
 */
export function renderInline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\[([^\]]+)\]\(((?:\/(?![/\\])|https:\/\/)[^)\s\\]*)\)/g, (_, label: string, href: string) => `<a href="${withBase(href)}">${label}</a>`);
}
