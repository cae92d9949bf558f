import type { Paragraph, PhrasingContent } from 'mdast';

export type LinePiece = { kind: 'marker'; match: RegExpMatchArray; line?: number } | { kind: 'paragraph'; node: Paragraph };

/**
 * Split a paragraph around lines that match `marker` exactly (DocFX `::: moniker …` fences, `:::image-end:::`).
 * Such markers are often written without blank lines around them, so Markdown glues them to the
 * neighbouring text; this recovers them as separate pieces. Returns null when no line matches.
 */
export function splitParagraphAtMarkers(paragraph: Paragraph, marker: RegExp): LinePiece[] | null {
  const pieces: LinePiece[] = [];
  let current: PhrasingContent[] = [];
  let found = false;
  const flush = () => {
    // Drop whitespace-only leftovers and the line breaks that separated text from a marker.
    while (current.length && current[0].type === 'text' && !current[0].value.trim()) current.shift();
    while (current.length) {
      const last = current[current.length - 1];
      if (last.type !== 'text' || last.value.trim()) break;
      current.pop();
    }
    if (current.length) {
      const first = current[0];
      if (first.type === 'text') first.value = first.value.replace(/^\s+/, '');
      const last = current[current.length - 1];
      if (last.type === 'text') last.value = last.value.replace(/\s+$/, '');
      pieces.push({ kind: 'paragraph', node: { type: 'paragraph', children: current, position: paragraph.position } });
    }
    current = [];
  };
  for (const child of paragraph.children) {
    if (child.type !== 'text' || !child.value.split('\n').some((l) => marker.test(l.trim()))) {
      current.push(child);
      continue;
    }
    const lines = child.value.split('\n');
    const startLine = child.position?.start.line;
    let buf: string[] = [];
    lines.forEach((line, i) => {
      const m = line.trim().match(marker);
      if (!m) { buf.push(line); return; }
      if (buf.length) current.push({ type: 'text', value: buf.join('\n') });
      buf = [];
      flush();
      found = true;
      pieces.push({ kind: 'marker', match: m, line: startLine === undefined ? undefined : startLine + i });
    });
    if (buf.length) current.push({ type: 'text', value: buf.join('\n') });
  }
  flush();
  return found ? pieces : null;
}
