/** A problem found while reading content. Every input file yields a page or at least one of these. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path below the content root, forward slashes. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  severity: Severity;
  /** Stable machine-readable reason, e.g. `yaml-invalid`, `include-missing`. Used to count by reason. */
  code: string;
  /** Human sentence: what is wrong and what the build did about it. */
  reason: string;
}

/** Collects diagnostics for one file so modules don't need to repeat the file name. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(readonly file: string) {}
  add(severity: Severity, code: string, reason: string, line?: number): void {
    this.items.push(line === undefined ? { file: this.file, severity, code, reason } : { file: this.file, line, severity, code, reason });
  }
  error(code: string, reason: string, line?: number): void { this.add('error', code, reason, line); }
  warn(code: string, reason: string, line?: number): void { this.add('warning', code, reason, line); }
  info(code: string, reason: string, line?: number): void { this.add('info', code, reason, line); }
}

/**
 * Identical diagnostics (same file, line, severity, code and reason) as one, with the number of
 * times it was reported: an include reached 1,024 ways is one problem, not 1,024 lines.
 */
export function collapseRepeats(items: readonly Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, { d: Diagnostic; n: number }>();
  for (const d of items) {
    const key = `${d.file}\0${d.line ?? ''}\0${d.severity}\0${d.code}\0${d.reason}`;
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { d, n: 1 });
  }
  return [...counts.values()].map(({ d, n }) => (n === 1 ? d : { ...d, reason: `${d.reason} (reported ${n} times)` }));
}
