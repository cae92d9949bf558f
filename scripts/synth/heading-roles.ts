/**
 * Known section headings. A heading whose text is one of these short labels keeps
 * its label (it is a label, not prose); any other heading text is generated.
 * Numbered roles ("Cause 2: ...") keep the label and number, the rest is generated.
 */

export type HeadingRole =
  | 'symptoms' | 'cause' | 'resolution' | 'solution' | 'method' | 'workaround' | 'summary'
  | 'more-information' | 'references' | 'introduction' | 'status' | 'prerequisites'
  | 'next-steps' | 'applies-to' | 'troubleshooting' | 'overview' | 'see-also'
  | 'requirements' | 'step' | 'scenario' | 'title' | 'other';

interface RoleRule {
  role: HeadingRole;
  /** Matches the label part; the optional "N" and ": suffix" are handled generically. */
  label: RegExp;
}

export const HEADING_ROLES: readonly RoleRule[] = [
  { role: 'symptoms', label: /^symptoms?$/i },
  { role: 'cause', label: /^(causes?|root cause)$/i },
  { role: 'resolution', label: /^resolutions?$/i },
  { role: 'solution', label: /^(solutions?|fix)$/i },
  { role: 'method', label: /^(method|option)$/i },
  { role: 'workaround', label: /^workarounds?$/i },
  { role: 'summary', label: /^summary$/i },
  { role: 'more-information', label: /^more information$/i },
  { role: 'references', label: /^references?$/i },
  { role: 'introduction', label: /^introduction$/i },
  { role: 'status', label: /^status$/i },
  { role: 'prerequisites', label: /^prerequisites?$/i },
  { role: 'next-steps', label: /^next steps$/i },
  { role: 'applies-to', label: /^applies to$/i },
  { role: 'troubleshooting', label: /^(troubleshooting|troubleshooting steps|troubleshooting checklist)$/i },
  { role: 'overview', label: /^overview$/i },
  { role: 'see-also', label: /^see also$/i },
  { role: 'requirements', label: /^requirements$/i },
  { role: 'step', label: /^step$/i },
  { role: 'scenario', label: /^(scenario|issue)$/i },
];

const SHAPE = /^([A-Za-z][A-Za-z ]*?)(?:\s+(\d+))?\s*(?:([:.-])\s*(.*))?$/;

export interface ClassifiedHeading {
  role: HeadingRole;
  /** Literal label to keep ("Cause 2:", "More Information"), or null when the whole text is generated. */
  label: string | null;
  /** Words of generated text after the label. */
  words: number;
}

export function classifyHeading(text: string): ClassifiedHeading {
  const trimmed = text.replace(/\s+$/, '');
  const m = SHAPE.exec(trimmed);
  if (m) {
    const rule = HEADING_ROLES.find((r) => r.label.test(m[1].trim()));
    if (rule) {
      const rest = m[4] ?? '';
      let label = m[1].trim() + (m[2] ? ` ${m[2]}` : '');
      if (m[3]) label += m[3];
      return { role: rule.role, label, words: countWords(rest) };
    }
  }
  return { role: 'other', label: null, words: Math.max(1, countWords(trimmed)) };
}

export function countWords(text: string): number {
  const m = text.match(/[A-Za-z0-9][^\s]*/g);
  return m ? m.length : 0;
}
