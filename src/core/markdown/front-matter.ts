/** Split a leading `---` YAML block off (included files may carry their own); the data itself is not needed here. */
export function stripFrontMatter(text: string): { body: string; lineOffset: number } {
  const m = text.match(/^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/);
  if (!m) return { body: text.replace(/^\uFEFF/, ''), lineOffset: 0 };
  return { body: text.slice(m[0].length), lineOffset: (m[0].match(/\n/g) ?? []).length };
}
