import type { Diagnostic } from '../core/diagnostics';
import type { ContentBuild } from './build-record';

/** `dist/_kb/report.json`: what the build read and what became of each file. */
export interface BuildReport {
  generator: string;
  inputs: number;
  pages: number;
  /** Markdown files that produced no page (only diagnostics): includes, broken files. */
  filesWithDiagnosticsOnly: number;
  otherFiles: Record<string, number>;
  diagnosticsByCode: Record<string, number>;
  diagnostics: Array<Pick<Diagnostic, 'file' | 'line' | 'severity' | 'code' | 'reason'>>;
  articles: Array<{
    source: string;
    url: string;
    title: string;
    topic: string;
    products: string[];
    supportAreas: string[][];
    causes: number;
    solutions: number;
    errorMessages: number;
  }>;
}

const bySourceThenLine = (a: Diagnostic, b: Diagnostic) =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function buildReport(build: ContentBuild): BuildReport {
  const diagnostics = [...build.diagnostics].sort(bySourceThenLine);
  const pageSources = new Set(build.articles.map((a) => a.source));
  const diagnosed = new Set(diagnostics.map((d) => d.file));
  const onlyDiagnostics = [...diagnosed].filter((f) => !pageSources.has(f) && /\.(md|mdx|markdown)$/i.test(f)).length;
  const diagnosticsByCode: Record<string, number> = {};
  for (const d of diagnostics) diagnosticsByCode[d.code] = (diagnosticsByCode[d.code] ?? 0) + 1;
  return {
    generator: 'kb-site',
    inputs: build.inputs,
    pages: build.articles.length,
    filesWithDiagnosticsOnly: onlyDiagnostics,
    otherFiles: build.otherFiles,
    diagnosticsByCode: Object.fromEntries(Object.entries(diagnosticsByCode).sort(([a], [b]) => (a < b ? -1 : 1))),
    diagnostics: diagnostics.map((d) => (d.line === undefined ? { file: d.file, severity: d.severity, code: d.code, reason: d.reason } : { file: d.file, line: d.line, severity: d.severity, code: d.code, reason: d.reason })),
    articles: [...build.articles]
      .sort((a, b) => (a.source < b.source ? -1 : 1))
      .map((a) => ({
        source: a.source,
        url: a.url,
        title: a.title,
        topic: a.topic,
        products: a.products,
        supportAreas: a.supportAreas,
        causes: a.causes,
        solutions: a.solutions,
        errorMessages: a.errorMessages,
      })),
  };
}

/** The few lines printed at the end of a build. */
/** `reportPath`: where the report was written, as the user should read it. */
export function summarize(report: BuildReport, reportPath = 'dist/_kb/report.json'): string {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const d of report.diagnostics) bySeverity[d.severity]++;
  const top = Object.entries(report.diagnosticsByCode)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  const lost = report.inputs - report.pages - report.filesWithDiagnosticsOnly;
  return [
    `KB: ${report.inputs} Markdown files → ${report.pages} pages, ${report.filesWithDiagnosticsOnly} files with diagnostics only, ${lost} unaccounted.`,
    `KB: diagnostics: ${bySeverity.error} errors, ${bySeverity.warning} warnings, ${bySeverity.info} info${top ? ` (${top})` : ''}.`,
    `KB: full list in ${reportPath}`,
  ].join('\n');
}
