import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSink } from '../../../src/core/diagnostics';

export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/frontmatter/${name}`, import.meta.url)), 'utf8');
}

export function sink(file = 'test.md'): DiagnosticSink {
  return new DiagnosticSink(file);
}

export function codes(s: DiagnosticSink): string[] {
  return s.items.map((d) => d.code);
}
