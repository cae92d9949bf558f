/**
 * Writes a small source corpus for the synth tests, with wording of our own built
 * from templates (deterministic), in the shapes the generator must reproduce.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NOUNS = ['gadget', 'relay', 'ledger', 'beacon', 'harbor', 'spindle', 'lantern', 'quarry', 'meadow', 'orchard', 'pylon', 'turbine'];
const VERBS = ['stalls', 'flickers', 'drifts', 'rattles', 'wobbles', 'hums', 'freezes', 'shivers'];
const ADVS = ['slowly', 'twice', 'overnight', 'quietly', 'at dawn', 'without warning', 'every hour'];
const PRODUCTS = ['widget-suite/sync', 'widget-suite/backup', 'gizmo-cloud/portal'];

function sentence(i: number): string {
  const n = (k: number) => NOUNS[(i * 7 + k * 3) % NOUNS.length];
  const v = VERBS[(i * 5 + 1) % VERBS.length];
  const a = ADVS[(i * 3 + 2) % ADVS.length];
  const forms = [
    `The ${n(0)} ${v} when the ${n(1)} is moved ${a}.`,
    `If your ${n(2)} ${v} ${a}, check the ${n(3)} first.`,
    `Our ${n(1)} team saw that the ${n(4)} ${v} ${a}.`,
    `Replace the ${n(0)} cable and the ${n(2)} ${v} no more.`,
  ];
  return forms[i % forms.length];
}

export interface FixtureShares {
  articles: number;
  withCause: number;
  withCode: number;
  withTable: number;
}

/** Writes the fixture corpus under root; returns its sentences and feature counts. */
export function writeFixtureCorpus(root: string, articles = 60): { sentences: string[]; shares: FixtureShares } {
  const sentences: string[] = [];
  let s = 0;
  const prose = (n: number) => {
    const out: string[] = [];
    for (let k = 0; k < n; k++) {
      const t = sentence(s++);
      sentences.push(t);
      out.push(t);
    }
    return out.join(' ');
  };
  const shares: FixtureShares = { articles, withCause: 0, withCode: 0, withTable: 0 };
  for (const p of PRODUCTS) mkdirSync(join(root, 'kb', p), { recursive: true });
  mkdirSync(join(root, 'kb', 'widget-suite', 'includes'), { recursive: true });
  writeFileSync(join(root, 'kb', 'widget-suite', 'includes', 'gadget-note.md'), `**Gadget note**\n\n${prose(2)}\n`);

  for (let i = 0; i < articles; i++) {
    const folder = PRODUCTS[i % PRODUCTS.length];
    const hasCause = i % 2 === 0;
    const hasCode = i % 3 === 0;
    const hasTable = i % 5 === 0;
    const title = `The ${NOUNS[i % NOUNS.length]} ${VERBS[i % VERBS.length]} after error 0x8007${String(1000 + i)}`;
    const lines = [
      '---',
      `title: ${title}`,
      `description: ${prose(1)}`,
      'author: fixture-writer',
      i % 4 === 0 ? 'ms.date: 3/4/2024' : 'ms.date: 11/12/2023',
      i % 6 === 0 ? 'ms.topic: how-to' : 'ms.topic: troubleshooting',
      i % 2 === 0 ? 'ms.custom:\n  - sap:Gadgets\\Relays\n  - CSSTroubleshoot' : 'ms.custom: sap:relays, csstroubleshoot',
      '---',
      '',
      `# ${title}`,
      '',
      `_Original KB number:_ &nbsp; ${4000000 + i}`,
      '',
      '## Symptoms',
      '',
      prose(3),
      '',
      'You receive the following error message:',
      '',
      `> Error 0x8007${String(1000 + i)}: The ${NOUNS[(i + 1) % NOUNS.length]} could not be reached.`,
      '',
    ];
    if (hasCause) lines.push('## Cause', '', prose(2), '');
    lines.push('## Resolution', '', prose(2), '', `1. ${prose(1)}`, `2. ${prose(1)}`, '');
    if (hasCode) lines.push('```powershell', 'Get-Gadget -Name relay', 'Set-Gadget -Mode quiet', '```', '');
    if (hasTable) lines.push('| Part | State |', '| --- | --- |', '| relay | on |', '| beacon | off |', '');
    if (i % 4 === 1) lines.push('> [!NOTE]', `> ${prose(1)}`, '');
    if (i % 7 === 2) lines.push('[!INCLUDE [gadget note](../includes/gadget-note.md)]', '');
    lines.push('## More information', '', prose(2), '');
    writeFileSync(join(root, 'kb', folder, `article-${i}.md`), lines.join('\n'));
    if (hasCause) shares.withCause++;
    if (hasCode) shares.withCode++;
    if (hasTable) shares.withTable++;
  }
  writeFileSync(join(root, 'kb', 'widget-suite', 'toc.yml'), '- name: Sync\n  href: ./sync/article-0.md\n');
  return { sentences, shares };
}
