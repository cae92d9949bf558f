import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../../src/core/ingest';
import type { IncludeResolver } from '../../../src/core/markdown/pipeline';
import { lookupKeyOf } from '../../../src/build/lookup-input';

const noFiles: IncludeResolver = { read: () => ({ error: 'missing' }), exists: () => false };

function keyOf(body: string): string {
  const text = `---\ntitle: Print spooler stops after an update\nms.topic: troubleshooting\n---\n${body}`;
  const r = ingestArticle('printing/spooler.md', new TextEncoder().encode(text), noFiles);
  return lookupKeyOf(r.article!);
}

const symptoms = (code: string) => `## Symptoms\n\nThe spooler service stops and the event log shows:\n\n\`\`\`output\nThe Print Spooler service terminated unexpectedly with error ${code}.\n\`\`\`\n`;
const cause = '\n## Cause\n\nA third-party port monitor fails to load.\n';
const resolution = (step: string) => `\n## Resolution\n\n1. ${step}\n2. Restart the spooler.\n`;

describe('lookupKeyOf', () => {
  it('is empty for an article without error messages', () => {
    expect(keyOf(`## Symptoms\n\nPrinting is slow.\n${cause}`)).toBe('');
  });

  it('stays the same when only text the index does not use changes', () => {
    const base = keyOf(symptoms('0x800706BA') + cause + resolution('Remove the port monitor.'));
    expect(base).not.toBe('');
    expect(keyOf(symptoms('0x800706BA') + cause + resolution('Uninstall the vendor port monitor from Print Management.'))).toBe(base);
  });

  it('changes when an error message changes', () => {
    const base = keyOf(symptoms('0x800706BA') + cause + resolution('Remove the port monitor.'));
    expect(keyOf(symptoms('0x80070005') + cause + resolution('Remove the port monitor.'))).not.toBe(base);
  });
});
