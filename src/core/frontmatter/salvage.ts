/**
 * Last-resort reading of front matter that YAML rejects: top-level `key: value` lines and the
 * `- item` lines under an empty key. Typical breakage is a title with `: ` or an unbalanced quote,
 * and the fields that matter (title, ms.date, ms.topic, appliesto) are simple enough to read this way.
 */

const KEY_LINE = /^([A-Za-z_][\w.\- ]*?)\s*:(?:\s+(.*))?$/;
const LIST_ITEM = /^\s*-\s+(.*)$/;

export function salvageFrontMatter(yaml: string): Record<string, unknown> {
  const entries = new Map<string, unknown>();
  let listKey: string | null = null;
  for (const line of yaml.split('\n')) {
    const key = KEY_LINE.exec(line);
    if (key) {
      const value = cleanScalar(key[2] ?? '');
      const name = key[1];
      if (value === '') {
        listKey = name;
        entries.set(name, null);
      } else {
        listKey = null;
        entries.set(name, value);
      }
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item && listKey !== null) {
      const current = entries.get(listKey);
      const list = Array.isArray(current) ? current : [];
      const value = cleanScalar(item[1]);
      if (value !== '') list.push(value);
      entries.set(listKey, list);
      continue;
    }
    // Anything else (continuation lines, nested maps) is not safe to guess at.
    if (!/^\s*(#.*)?$/.test(line)) listKey = null;
  }
  return Object.fromEntries(entries);
}

/** Unquote a whole-value quote pair and drop a trailing ` # comment`. */
function cleanScalar(raw: string): string {
  let v = raw.trim();
  const quoted = /^(["'])(.*)\1$/.exec(v);
  if (quoted) return quoted[2].trim();
  v = v.replace(/\s+#.*$/, '');
  // An opening quote that never closes (the usual cause of the error): drop just that quote.
  if (/^["']/.test(v) && !v.endsWith(v[0])) v = v.slice(1);
  return v.trim();
}
