/** Names of support areas and folders as people read them. */

/** Short words that are acronyms when written in lower case in a slug. */
const ACRONYMS: ReadonlySet<string> = new Set(['ad', 'api', 'aks', 'dns', 'dhcp', 'gp', 'iis', 'ip', 'rds', 'rdp', 'sql', 'tcp', 'tls', 'ssl', 'vm', 'vms', 'vpn', 'wcf', 'wmi', 'wsus', 'ui', 'os', 'sdk', 'cli', 'smb', 'nfs', 'crm', 'ax', 'sl']);

/**
 * A slug (`alerts-reports-queries`, `virtual-machines`, `tcp/ip-communications`) as words:
 * "Alerts reports queries", "Virtual machines", "TCP/IP communications". Anything that is not a
 * lower-case slug is returned as written.
 */
export function humanizeSlug(text: string, casing: 'sentence' | 'title' = 'sentence'): string {
  const t = text.trim();
  if (!/^[a-z0-9]+(?:[-_/][a-z0-9]+)*$/.test(t) || !/[a-z]/.test(t)) return t;
  const word = (p: string, i: number) => (isAcronym(p) ? p.toUpperCase() : casing === 'title' || i === 0 ? p.charAt(0).toUpperCase() + p.slice(1) : p);
  return t.split(/[-_]/).map((w, i) => w.split('/').map((p, j) => word(p, i + j)).join('/')).join(' ');
}

/** A word of a slug that is an acronym: listed, or letters with no vowel (`vmm`, `dpm`). */
const isAcronym = (w: string): boolean => ACRONYMS.has(w) || (/^[a-z]{2,5}$/.test(w) && !/[aeiouy]/.test(w));
