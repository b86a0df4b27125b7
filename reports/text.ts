/** Escaping for the two output languages. Every piece of text from results passes through here. */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON safe inside <script>: no `</script>`, no `<!--`, no line separators that end JS strings. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The small Markdown subset a config description uses — paragraphs, `code`, **bold**, *italic*,
 * [links](https://…) — rendered to HTML after escaping, so no markup from the config gets through.
 */
export function markdownToHtml(md: string): string {
  return md.trim().split(/\n\s*\n/).filter((p) => p.trim() !== '').map((para) => {
    let h = escapeHtml(para.trim());
    h = h.replace(/`([^`]+)`/g, '<code>$1</code>');
    h = h.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    h = h.replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
    h = h.replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2">$1</a>');
    return `<p>${h}</p>`;
  }).join('\n');
}

/** A Markdown table cell: pipes escaped, newlines flattened. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
