import { describe, expect, it } from 'vitest';
import { classifyHeading, HEADING_FORMS, normalizeHeading, referencedCauseNumber } from '../../../src/core/sections/heading-forms';

/** [heading text, role, form, number?] — at least one case per row of the table (checked below). */
const CASES: Array<[string, string, string, number?]> = [
  ['Cause and resolution', 'solution', 'cause-and-resolution'],
  ['Common issues and solutions', 'solution', 'x-and-solutions'],
  ['Known issues and workarounds', 'solution', 'x-and-solutions'],
  ['Analysis and cause', 'cause', 'x-and-cause'],
  ['Symptoms', 'problem', 'symptom'],
  ['Symptom', 'problem', 'symptom'],
  ['SYMPTOMS:', 'problem', 'symptom'],
  ['Symptom 3', 'problem', 'symptom-numbered', 3],
  ['Symptom 2a', 'problem', 'symptom-numbered', 2],
  ['Symptom 1 for scenario 4', 'problem', 'symptom-numbered', 1],
  ['Symptoms of a full disk', 'problem', 'symptom-for'],
  ['Symptom: the app freezes', 'problem', 'symptom-labelled'],
  ['Problem', 'problem', 'problem'],
  ['Problem 2', 'problem', 'problem-numbered', 2],
  ['Problem when you print labels', 'problem', 'problem-for'],
  ['Problem: the page is blank', 'problem', 'problem-labelled'],
  ['Problem description', 'problem', 'problem-description'],
  ['Issue details', 'problem', 'problem-description'],
  ['Issue', 'problem', 'issue'],
  ['The issue', 'problem', 'issue'],
  ['Issue 4', 'problem', 'issue-numbered', 4],
  ['Issue 1 - The export fails', 'problem', 'issue-numbered', 1],
  ['Issues when you resize a volume', 'problem', 'issue-for'],
  ['Issue: Can’t open the form', 'problem', 'issue-labelled'],
  ['Error messages', 'problem', 'error-messages'],
  ['Error message', 'problem', 'error-messages'],
  ['Error 1603', 'problem', 'error-numbered', 1603],
  ['Error message 2', 'problem', 'error-numbered', 2],
  ['Summary', 'problem', 'summary'],
  ['Cause', 'cause', 'cause'],
  ['Causes', 'cause', 'cause'],
  ['Cause 2', 'cause', 'cause-numbered', 2],
  ['Cause 1: The port is blocked', 'cause', 'cause-numbered', 1],
  ['Causes of slow logons', 'cause', 'cause-for'],
  ['Cause for issue 2', 'cause', 'cause-for'],
  ['Cause: Missing certificate', 'cause', 'cause-labelled'],
  ['Cause - wrong time zone', 'cause', 'cause-labelled'],
  ['Root cause', 'cause', 'root-cause'],
  ['Root-cause analysis', 'cause', 'root-cause'],
  ['Possible causes', 'cause', 'likely-causes'],
  ['Common causes of login failures', 'cause', 'likely-causes'],
  ['Reason', 'cause', 'reason'],
  ['Reason 2', 'cause', 'reason-numbered', 2],
  ['Reasons for the delay', 'cause', 'reason-for'],
  ['Reason: quota reached', 'cause', 'reason-labelled'],
  ['Why this happens', 'cause', 'why-this-happens'],
  ['Why did I get this warning?', 'cause', 'why-question'],
  ['Resolution', 'solution', 'resolution'],
  ['Resolution 2', 'solution', 'resolution-numbered', 2],
  ['Resolution 1: Update the driver', 'solution', 'resolution-numbered', 1],
  ['Resolution for cause 2', 'solution', 'resolution-for'],
  ['Resolution - If the proxy is in the way', 'solution', 'resolution-labelled'],
  ['Solution', 'solution', 'solution'],
  ['Solution 3', 'solution', 'solution-numbered', 3],
  ['Solution for managed identities', 'solution', 'solution-for'],
  ['Solution: Allow the traffic', 'solution', 'solution-labelled'],
  ['Workaround', 'solution', 'workaround'],
  ['Workarounds', 'solution', 'workaround'],
  ['Workaround 2', 'solution', 'workaround-numbered', 2],
  ['Workaround for symptom 1', 'solution', 'workaround-for'],
  ['Workaround: Use the web app', 'solution', 'workaround-labelled'],
  ['Mitigation', 'solution', 'mitigation'],
  ['Mitigation 1', 'solution', 'mitigation-numbered', 1],
  ['Mitigation for older builds', 'solution', 'mitigation-for'],
  ['Mitigation: roll back', 'solution', 'mitigation-labelled'],
  ['Fix', 'solution', 'fix'],
  ['Fix it for me', 'solution', 'fix'],
  ['How to fix this issue', 'solution', 'how-to-fix'],
  ['To resolve the problem', 'solution', 'how-to-fix'],
  ['Troubleshooting steps', 'solution', 'troubleshooting-steps'],
  ['Advanced troubleshooting', 'solution', 'troubleshooting-steps'],
  ['Troubleshooting checklist', 'solution', 'troubleshooting-steps'],
  ['Troubleshoot slow queries', 'solution', 'troubleshoot-topic'],
  ['Repair the VM offline', 'solution', 'fix-imperative'],
  ['Fix the missing boot entry', 'solution', 'fix-imperative'],
  ['Recommendations', 'solution', 'recommendations'],
  ['Method 1', 'solution', 'method-numbered', 1],
  ['Method 2: Use the portal', 'solution', 'method-numbered', 2],
  ['Method 1 of Resolution 2', 'solution', 'method-numbered', 1],
  ['Option 2', 'solution', 'option-numbered', 2],
  ['Option 1: Use PowerShell', 'solution', 'option-numbered', 1],
  ['Resolving steps', 'solution', 'resolving-steps'],
  ['Solving steps', 'solution', 'resolving-steps'],
  ['Steps to resolve the error', 'solution', 'steps-to-resolve'],
  ['More information', 'more-information', 'more-information'],
  ['More Information:', 'more-information', 'more-information'],
  ['Additional information', 'more-information', 'more-information'],
  ['References', 'more-information', 'references'],
  ['Reference', 'more-information', 'references'],
  ['See also', 'more-information', 'see-also'],
  ['Additional resources', 'more-information', 'resources'],
  ['Related articles', 'more-information', 'related'],
  ['Learn more', 'more-information', 'learn-more'],
  ['Status', 'more-information', 'status'],
];

/** Headings that must NOT be taken for a problem, cause or solution. */
const OTHERS = [
  'Step 1: Install the agent',
  'Step 2',
  'Prerequisites',
  'Introduction',
  'Next steps',
  'Overview',
  'Troubleshooting tools',
  'Repair process overview',
  'Troubleshoot step 2',
  'Fixes in the latest update',
  'Description',
  'Scenario 1',
  'Data collection',
  'Error 0x80070005',
  'Why use a gateway',
  '',
  '   ',
];

describe('classifyHeading', () => {
  it.each(CASES)('%s → %s (%s)', (text, role, form, number) => {
    const got = classifyHeading(text);
    expect(got.role).toBe(role);
    expect(got.form).toBe(form);
    expect(got.number).toBe(number);
  });

  it('has a test case for every row of the table', () => {
    const tested = new Set(CASES.map((c) => c[2]));
    const untested = HEADING_FORMS.map((r) => r.name).filter((n) => !tested.has(n));
    expect(untested).toEqual([]);
  });

  it('row names are unique', () => {
    const names = HEADING_FORMS.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(OTHERS)('%j is other', (text) => {
    expect(classifyHeading(text)).toEqual({ role: 'other', form: 'other' });
  });

  it('tolerates emphasis markers, outline numbers, trailing spaces and colons', () => {
    expect(classifyHeading('**Cause 2:**  ').form).toBe('cause-numbered');
    expect(classifyHeading('2. Resolution').form).toBe('resolution');
    expect(classifyHeading('_Workaround_').form).toBe('workaround');
    expect(classifyHeading('Symptoms\u00a0').form).toBe('symptom');
  });
});

describe('normalizeHeading', () => {
  it('lower-cases, collapses whitespace and drops decoration', () => {
    expect(normalizeHeading('  **Root   Cause**: ')).toBe('root cause');
  });
});

describe('referencedCauseNumber', () => {
  it('reads the cause a solution names', () => {
    expect(referencedCauseNumber('Resolution for cause 3')).toBe(3);
    expect(referencedCauseNumber('Solution to Reason 2')).toBe(2);
    expect(referencedCauseNumber('Resolution 2')).toBeNull();
    expect(referencedCauseNumber('Resolution for scenario 1')).toBeNull();
  });
});
