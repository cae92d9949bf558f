import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import { extractErrorMessages } from '../../../src/core/errors/extract';

const parse = (md: string) => (unified().use(remarkParse).use(remarkGfm).parse(md) as Root).children as RootContent[];
const sec = (md: string, anchor = 'symptoms', title = 'Symptoms') => ({ anchor, title, nodes: parse(md) });

describe('extractErrorMessages', () => {
  it('takes output blocks after a lead-in but not commands', () => {
    const md = [
      'When you run the tool, you receive the following error message:',
      '', '```console', 'The widget service could not start: the store is locked.', '```', '',
      'Run this command:', '', '```powershell', 'Get-Widget -Name x', '```',
    ].join('\n');
    const out = extractErrorMessages([sec(md)], 'Widget service fails');
    expect(out).toEqual([{ text: 'The widget service could not start: the store is locked.', anchor: 'symptoms', section: 'Symptoms', kind: 'code-block' }]);
  });

  it('takes blockquotes but not note alerts', () => {
    const out = extractErrorMessages([sec('You see this error:\n\n> The gadget cannot be reached.\n\n> [!NOTE]\n> Restart first.')], 'x');
    expect(out.map((m) => [m.kind, m.text])).toEqual([['blockquote', 'The gadget cannot be reached.']]);
  });

  it('keeps the lines of a message as a reader copies them: hard breaks and <br> start a line, other tags go', () => {
    const quote = extractErrorMessages([sec('You see this error:\n\n> Event ID: 2092  \n> Task Category: Replication\\\n> The role owner is not valid.')], 'x');
    expect(quote.map((m) => m.text)).toEqual(['Event ID: 2092\nTask Category: Replication\nThe role owner is not valid.']);
    const row = extractErrorMessages([sec('|Code|Message|\n|---|---|\n|0x5|Access is <b>denied</b>.<br>Check the share.|')], 'x');
    expect(row.map((m) => m.text)).toEqual(['0x5: Access is denied.\nCheck the share.']);
  });

  it('reads the blocks inside the items of an announced list when an item is more than one message', () => {
    const event = Array.from({ length: 40 }, (_, i) => `> Field${i}: value ${i}  `).join('\n');
    const md = [
      'Gadgets stop syncing. Additionally, the following errors are logged:',
      '',
      '- On the **hub** console:',
      '',
      '    > Status:  ',
      '    > "The requested gadget profile is not accepted by this hub. 0x8012ABCD"',
      '',
      '- In the Application log on the relay:',
      '',
      event.replace(/^/gm, '    '),
      '',
      '- Short item that is itself the message: gadget relay is offline',
    ].join('\n');
    const out = extractErrorMessages([sec(md)], 'Gadgets stop syncing');
    expect(out.map((m) => m.kind)).toEqual(['blockquote', 'blockquote', 'text']);
    expect(out[0].text).toContain('The requested gadget profile is not accepted by this hub. 0x8012ABCD');
    expect(out[1].text).toContain('Field39: value 39');
    expect(out[2].text).toBe('Short item that is itself the message: gadget relay is offline');
  });

  it('takes a quoted error however long its stack trace, and a lead-in that ends in a full stop', () => {
    const frames = Array.from({ length: 12 }, (_, i) => `at Contoso.Gadget.Hub.Step${i}(GadgetContext context)`).join(' ');
    const md = [
      'Sign-in stops on the relay server.',
      '',
      '> Exception details: Contoso.Gadget.HubException: GDG4021: The relay refused the session token.  ',
      `> ${frames}`,
      '',
      'Run the following command to see the error.',
      '',
      '```',
      'gadget status --all',
      '```',
    ].join('\n');
    const out = extractErrorMessages([sec(md)], 'Sign-in stops');
    // Not announced: the quote is taken because it reads as an error, whatever its length.
    expect(out.map((m) => m.kind)).toEqual(['blockquote']);
    expect(out[0].text).toMatch(/^Exception details: Contoso\.Gadget\.HubException: GDG4021: The relay refused the session token\.\n/);
    expect(out[0].text.length).toBeGreaterThan(600);
    // Announced without a colon, output that does not read as an error is still the message.
    const announced = extractErrorMessages([sec('You may see the following warning in the relay log.\n\n```\nGadget relay 7 is draining its queue\n```')], 'x');
    expect(announced.map((m) => [m.kind, m.text])).toEqual([['code-block', 'Gadget relay 7 is draining its queue']]);
  });

  it('takes a message a paragraph shows in bold or italics, not its bold labels or questions', () => {
    const md = [
      'When you open the console, you receive **The gadget hub cannot be reached from this relay**. Select **Retry connecting to the hub later**.',
      '',
      '**Q3: Why do I receive an error when the relay starts?**',
      '',
      'The relay shows *Relay registration failed for the current tenant* and stops.',
    ].join('\n');
    const out = extractErrorMessages([sec(md)], 'Gadget hub');
    expect(out.map((m) => m.text)).toEqual(['The gadget hub cannot be reached from this relay', 'Relay registration failed for the current tenant']);
  });

  it('reads a hostile paragraph of lead-in words and bold messages in one pass', () => {
    // Each lead-in word used to start a scan to the paragraph's end: 1 MB of them took minutes.
    const words = extractErrorMessages([sec('the following errors were logged '.repeat(30_000) + 'and then\n\n```\nGadget relay refused the token\n```')], 'x');
    expect(words.map((m) => m.text)).toEqual(['Gadget relay refused the token']);
    const bold = extractErrorMessages([sec('you receive **the gadget relay failed to start** '.repeat(2_000))], 'x');
    expect(bold.map((m) => m.text)).toEqual(['the gadget relay failed to start']);
  });

  it('takes every row of an error-code table', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `|${i}|Gadget step ${i} failed to complete.|Retry.|`).join('\n');
    const out = extractErrorMessages([sec(`|Error code|Message|Additional information|\n|---|---|---|\n${rows}`, 'codes', 'Codes')], 'Codes');
    expect(out).toHaveLength(1500);
    expect(out[7]).toEqual({ text: 'Error 7: Gadget step 7 failed to complete.', anchor: 'codes', section: 'Codes', kind: 'table-row' });
  });

  it('takes quoted headings, details summaries, title and text identifiers, de-duplicated', () => {
    const md = '<details><summary>Sync stopped with code 0x80072EE2</summary>\nbody\n</details>\n\nThe update returns 0x80072EE2 on some devices.\n\nThe update returns 0x80072EE2 on some devices.';
    const out = extractErrorMessages([sec(md), sec('text', 'cannot', '"The gadget cannot be reached" error')], 'Error 0x80072EE2 when syncing');
    const kinds = out.map((m) => m.kind);
    expect(kinds).toContain('title');
    expect(kinds).toContain('details');
    expect(kinds).toContain('heading');
    expect(out.filter((m) => m.text === 'The update returns 0x80072EE2 on some devices.')).toHaveLength(1);
    expect(out.find((m) => m.kind === 'heading')).toMatchObject({ text: 'The gadget cannot be reached', anchor: 'cannot' });
  });
});
