/**
 * Code-block bodies by language family. Lines are assembled from templates and
 * vocabulary identifiers, sized to the source block's line count and width.
 */

import type { Rng } from './rng';
import type { TextGenerator } from './text-generator';

type Family = 'powershell' | 'shell' | 'sql' | 'code' | 'markup' | 'json' | 'ini' | 'output';

const FAMILY_OF: Record<string, Family> = {};
const FAMILIES: Record<Family, string[]> = {
  powershell: ['powershell', 'ps', 'ps1', 'azurepowershell', 'azurepowershell-interactive'],
  shell: ['console', 'cmd', 'dos', 'bash', 'sh', 'shell', 'azurecli', 'azurecli-interactive', 'batch'],
  sql: ['sql', 'tsql', 'kusto', 'kql', 'mdx', 'dax'],
  code: ['csharp', 'cs', 'c#', 'cpp', 'c', 'c++', 'vb', 'vbnet', 'vbscript', 'vbs', 'js', 'javascript', 'typescript', 'ts', 'java', 'python', 'aspx-csharp', 'aspx-vb', 'fsharp', 'go'],
  markup: ['xml', 'html', 'aspx', 'config', 'xaml', 'yaml', 'yml'],
  json: ['json', 'jsonc'],
  ini: ['ini', 'registry', 'reg', 'properties'],
  output: ['output', 'text', 'txt', 'log', 'http', ''],
};
for (const [family, langs] of Object.entries(FAMILIES) as [Family, string[]][]) for (const l of langs) FAMILY_OF[l] = family;

const VERBS = ['Get', 'Set', 'New', 'Remove', 'Enable', 'Disable', 'Test', 'Start', 'Stop', 'Restart', 'Add', 'Update', 'Import', 'Export'];
const COMMANDS = ['netsh', 'sc', 'dism', 'reg', 'az', 'kubectl', 'ipconfig', 'certutil', 'wevtutil', 'robocopy', 'setspn', 'repadmin', 'nltest', 'bcdedit', 'icacls', 'dcdiag', 'gpupdate', 'msiexec'];
const TYPES = ['var', 'string', 'int', 'bool', 'Dim', 'auto'];
const LEVELS = ['Information', 'Warning', 'Error', 'Verbose'];

type LineMaker = (rng: Rng, g: TextGenerator) => string;

const LINE: Record<Family, LineMaker> = {
  powershell: (rng, g) => `${rng.pick(VERBS)}-${g.camel(rng, 2)} -${g.camel(rng, 1)} "${g.identWord(rng)}"`,
  shell: (rng, g) =>
    rng.chance(0.5)
      ? `${rng.pick(COMMANDS)} ${g.identWord(rng).toLowerCase()} /${g.identWord(rng).toLowerCase()}`
      : `${rng.pick(COMMANDS)} ${g.slugWords(rng, 1)} --${g.slugWords(rng, 2)} ${g.identWord(rng)}`,
  sql: (rng, g) =>
    rng.weighted<string>([
      [`SELECT ${g.camel(rng, 2)}, ${g.camel(rng, 2)} FROM dbo.${g.camel(rng, 2)} WHERE ${g.camel(rng, 1)} = ${rng.int(0, 99)};`, 3],
      [`EXEC sp_${g.identWord(rng).toLowerCase()} @${g.camel(rng, 1)} = N'${g.identWord(rng)}';`, 1],
      [`UPDATE ${g.camel(rng, 2)} SET ${g.camel(rng, 1)} = '${g.identWord(rng)}';`, 1],
      ['GO', 1],
    ]),
  code: (rng, g) =>
    rng.weighted<string>([
      [`${rng.pick(TYPES)} ${g.identWord(rng).toLowerCase()}${g.camel(rng, 1)} = new ${g.camel(rng, 2)}(${g.identWord(rng).toLowerCase()});`, 3],
      [`${g.camel(rng, 1)}.${g.camel(rng, 2)}(${g.identWord(rng).toLowerCase()});`, 3],
      [`if (${g.identWord(rng).toLowerCase()} == null) { return; }`, 1],
      ['}', 1],
    ]),
  markup: (rng, g) => `  <${g.camel(rng, 2)} ${g.identWord(rng).toLowerCase()}="${g.identWord(rng)}" />`,
  json: (rng, g) => `  "${g.identWord(rng).toLowerCase()}${g.camel(rng, 1)}": "${g.identWord(rng)}",`,
  ini: (rng, g) =>
    rng.chance(0.2) ? `[${g.camel(rng, 2)}]` : `"${g.camel(rng, 2)}"=dword:0000000${rng.int(0, 9)}`,
  output: (rng, g) =>
    rng.chance(0.5)
      ? `${g.camel(rng, 2)}`.padEnd(24) + `: ${g.identWord(rng)}`
      : `${rng.pick(LEVELS)} ${g.camel(rng, 1)}: ${g.proseText(rng, rng.int(4, 10))}`,
};

export function familyOf(lang: string): Family {
  return FAMILY_OF[lang.toLowerCase()] ?? 'code';
}

/** Generates `lines` lines of plausible code for a language tag, widened towards `width`. */
export function codeLines(lang: string, lines: number, width: number, rng: Rng, g: TextGenerator): string[] {
  const make = LINE[familyOf(lang)];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    let line = make(rng, g);
    for (let k = 0; k < 2 && line.length < width * 0.7; k++) line += ' ' + make(rng, g).trim();
    out.push(line);
  }
  return out;
}

/** Extra lines for padding an error block to its source height. */
export function outputLine(rng: Rng, g: TextGenerator): string {
  return LINE.output(rng, g);
}
