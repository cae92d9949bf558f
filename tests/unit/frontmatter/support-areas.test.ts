import { describe, expect, it } from 'vitest';
import { normalizeSupportAreas } from '../../../src/core/frontmatter/support-areas';

describe('normalizeSupportAreas', () => {
  it('reads a YAML list and splits the backslash path', () => {
    expect(normalizeSupportAreas(['sap:Sharing\\Links to files', 'CSSTroubleshoot', 'CI 123456'])).toEqual([['Sharing', 'Links to files']]);
  });

  it('reads the one-line comma form', () => {
    expect(normalizeSupportAreas('sap:name-resolution, csstroubleshoot')).toEqual([['Name resolution']]);
    expect(normalizeSupportAreas('sap:Performance')).toEqual([['Performance']]);
  });

  it('keeps commas that belong to the support-area name', () => {
    expect(normalizeSupportAreas('sap:Setup, Patching and Upgrade')).toEqual([['Setup, Patching and Upgrade']]);
    expect(normalizeSupportAreas('sap:Copying, change tracking, change capture, csstroubleshoot, devx-track-cli')).toEqual([
      ['Copying, change tracking, change capture'],
    ]);
    expect(normalizeSupportAreas('sap:Build, Grow and Remove pools (cluster or pool), devx-track-cli')).toEqual([
      ['Build, Grow and Remove pools (cluster or pool)'],
    ]);
  });

  it('does not split inside parentheses', () => {
    expect(normalizeSupportAreas('sap:Dev Tools\\Driver Kit (DK, LK)\\Kit 10\\Scanner')).toEqual([['Dev Tools', 'Driver Kit (DK, LK)', 'Kit 10', 'Scanner']]);
  });

  it('accepts any case of the prefix and spaces after it; trims parts and drops empties', () => {
    expect(normalizeSupportAreas(['SAP: Team Chat \\ Messages \\', 'sap:\\\\'])).toEqual([['Team Chat', 'Messages']]);
  });

  it('tidies double spaces inside a name', () => {
    expect(normalizeSupportAreas(['sap:Suite (A, B)\\Install, Update,  Activate'])).toEqual([['Suite (A, B)', 'Install, Update, Activate']]);
  });

  it('de-duplicates case-insensitively, keeping the first spelling', () => {
    expect(normalizeSupportAreas(['sap:Mail Flow\\Delays', 'sap:mail flow\\delays', 'sap:Mail Flow'])).toEqual([['Mail Flow', 'Delays'], ['Mail Flow']]);
  });

  it('reads a mapping written under ms.custom', () => {
    expect(normalizeSupportAreas({ sap: 'Devices\\Profiles' })).toEqual([['Devices', 'Profiles']]);
  });

  it.each([undefined, null, '', 'CSSTroubleshoot', 88253, ['KB1234567'], [{ a: 1 }], true])('gives no areas for %j', (raw) => {
    expect(normalizeSupportAreas(raw)).toEqual([]);
  });
});

describe('slug-form support areas', () => {
  it('turns a kebab-case sap value into words, leaving normal names alone', () => {
    expect(normalizeSupportAreas('sap:active-directory-backup-restore, csstroubleshoot')).toEqual([['Active directory backup restore']]);
    expect(normalizeSupportAreas(['sap:Sharing\\Sharing links'])).toEqual([['Sharing', 'Sharing links']]);
    expect(normalizeSupportAreas(['sap:dns'])).toEqual([['dns']]);
  });
});
