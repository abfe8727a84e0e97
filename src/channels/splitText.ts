/**
 * Splits text into chunks of at most `max` characters, preferring paragraph, then sentence,
 * then word boundaries, so no message is cut mid-sentence when it can be avoided.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut =
      lastBoundary(window, /\n\n/g, max) ??
      lastBoundary(window, /[.!?…。]\s/g, max) ??
      lastBoundary(window, /\s/g, max) ??
      max;
    chunks.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** The position just after the last match of `pattern` within `max` characters (past the first half). */
function lastBoundary(window: string, pattern: RegExp, max: number): number | undefined {
  let best: number | undefined;
  for (const match of window.matchAll(pattern)) {
    const end = (match.index ?? 0) + match[0].length - (match[0].endsWith(' ') || match[0].endsWith('\n') ? 1 : 0);
    if (end <= max && end > max / 2) best = end;
  }
  return best;
}

/** Shortens a label to `max` characters at a word boundary, with an ellipsis. */
export function shorten(label: string, max: number): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:¿¡?]+$/u, '')}…`;
}

/** A numbered menu, one option per line: "1. First". */
export function numberedMenu(labels: string[]): string {
  return labels.map((label, i) => `${i + 1}. ${label}`).join('\n');
}
