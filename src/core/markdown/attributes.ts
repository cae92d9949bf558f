/** Parse `name="value" other='value' bare=value` attribute lists of DocFX directives (any order, either quote). */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([a-zA-Z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"':]+))/g;
  for (const m of text.matchAll(re)) attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return attrs;
}

/** Keep only class tokens made of [a-z0-9_-] so author-given classes cannot inject anything. */
export function sanitizeClasses(value: string): string[] {
  return value.toLowerCase().split(/\s+/).map((c) => c.replace(/[^a-z0-9_-]/g, '')).filter(Boolean);
}
