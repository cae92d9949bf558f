import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildSectionsOptions, SectionModel } from '../../../src/core/sections/build-sections';
import { sectionsOf } from './helpers';

const dir = join(import.meta.dirname, '../../fixtures/sections');
const cases = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

/** The model without mdast nodes and line numbers, so expected.json stays readable. */
function project(model: SectionModel) {
  return { ...model, sections: model.sections.map(({ anchor, title, depth, role, parent }) => ({ anchor, title, depth, role, parent })) };
}

describe('section fixtures', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(8));

  it.each(cases)('%s', (name) => {
    const md = readFileSync(join(dir, name, 'input.md'), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Record<string, unknown>;
    // options.json, when present, holds the buildSections options (e.g. the troubleshooting flag).
    const optionsFile = join(dir, name, 'options.json');
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as BuildSectionsOptions) : undefined;
    const got = project(sectionsOf(md, options)) as Record<string, unknown>;
    // expected.json lists only the keys a case is about; each listed key must match exactly.
    for (const key of Object.keys(expected)) expect({ [key]: got[key] }).toEqual({ [key]: expected[key] });
  });
});
