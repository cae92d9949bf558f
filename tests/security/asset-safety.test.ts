import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedAssetReason } from '../../src/build/asset-safety';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-assets-'));
const files: Record<string, string> = {
  'ok.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4" fill="red"/><text>on = off</text></svg>',
  'script.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'ns-script.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
  'onload.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  'js-link.svg': '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
  'foreign.svg': '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div>x</div></foreignObject></svg>',
  'config.xml': '<?xml version="1.0"?><configuration><add key="a" value="b"/></configuration>',
  'xhtml.xml': '<root><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script></root>',
  'page.html': '<p>harmless</p>',
  'tool.zip': 'PK',
  'shot.png': '\x89PNG',
};
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);

describe('refusedAssetReason', () => {
  it.each(['ok.svg', 'config.xml', 'tool.zip', 'shot.png', 'missing.svg'])('copies %s', (name) => {
    expect(refusedAssetReason(root, name)).toBeNull();
  });
  it.each(['script.svg', 'ns-script.svg', 'onload.svg', 'js-link.svg', 'foreign.svg', 'xhtml.xml', 'page.html'])('refuses %s with a reason', (name) => {
    expect(refusedAssetReason(root, name)).toMatch(new RegExp(`^${name.replace('.', '\\.')} .+not copied`));
  });
});
