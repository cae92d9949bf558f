/**
 * Dev-only survey: run buildSections over the corpus and report how many troubleshooting articles
 * get at least one cause or solution, plus the most common H2 titles of those that get neither.
 * Usage: npx tsx scripts/dev/sections-survey.ts [corpusDir] [--list] [--inferred] [--files listFile]
 *   --list      print the troubleshooting articles with neither
 *   --inferred  print what the fallback rules found: `+` articles covered only by them, `*` articles
 *               they add to
 *   --files     survey only the files named (one path per line) in listFile
 *   --show      print each surveyed article's sections (anchor:role) and what the rules found
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { buildSections } from '../../src/core/sections/build-sections';
import { createSlugger } from '../../src/core/slug';
import { classifyHeading, isWeakForm } from '../../src/core/sections/heading-forms';

const args = process.argv.slice(2);
const filesArg = args.indexOf('--files');
const filesList = filesArg >= 0 ? args[filesArg + 1] : undefined;
const root = args.find((a, i) => !a.startsWith('--') && i !== filesArg + 1) ?? '/work/shared/corpus';
const list = args.includes('--list');
const listInferred = args.includes('--inferred');
const show = args.includes('--show');

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (/\.mdx?$/.test(name)) yield p;
  }
}

const parser = unified().use(remarkParse).use(remarkGfm);
let problemShaped = 0, problemShapedCovered = 0;
let total = 0, trouble = 0, covered = 0, withProblem = 0, emptySummary = 0, linked = 0, solTotal = 0;
const missH2 = new Map<string, number>();
const misses: string[] = [];
const missShape = new Map<string, number>();
const forms = new Map<string, number>();
const t0 = Date.now();

const files = filesList ? readFileSync(filesList, 'utf8').split('\n').filter(Boolean) : walk(root);
const byRule = new Map<string, number>();
let onlyInferred = 0, alsoInferred = 0;
const inferredLines: string[] = [];
for (const file of files) {
  const raw = readFileSync(file, 'utf8');
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(raw);
  const topic = fm ? /^ms\.topic:\s*(\S+)/m.exec(fm[1])?.[1]?.toLowerCase() : undefined;
  const body = fm ? raw.slice(fm[0].length) : raw;
  const isTrouble = topic?.startsWith('troubleshooting') === true;
  const model = buildSections(parser.parse(body), createSlugger().slug, { troubleshooting: isTrouble });
  total++;
  if (show) {
    console.log(`=== ${file}`);
    console.log('   ', model.sections.map((s) => `${s.anchor}:${s.role}`).join(' | '));
    console.log('    causes:', model.causes.join(', '), '| solutions:', model.solutions.map((x) => x.anchor).join(', '));
    for (const f of model.fallbacks) console.log(`    ${f.rule} ${f.as}: ${f.anchor}`);
  }
  if (!isTrouble) continue;
  trouble++;
  if (model.problem) withProblem++;
  if (!model.summary) emptySummary++;
  solTotal += model.solutions.length;
  linked += model.solutions.filter((s) => s.cause).length;
  for (const s of model.sections) if (s.role !== 'other' && s.role !== 'intro') forms.set(s.role, (forms.get(s.role) ?? 0) + 1);
  const problemTitle = model.sections.find((x) => x.anchor === model.problem)?.title;
  const shaped = problemTitle !== undefined && !isWeakForm(classifyHeading(problemTitle).form);
  if (shaped) problemShaped++;
  if (model.causes.length || model.solutions.length) {
    covered++;
    const all = new Set([...model.causes, ...model.solutions.map((x) => x.anchor)]);
    const only = [...all].every((a) => model.inferred.includes(a));
    if (!only && model.fallbacks.length) {
      alsoInferred++;
      if (listInferred) {
        const title = (a: string) => model.sections.find((x) => x.anchor === a)?.title;
        inferredLines.push(`* ${file}\n${model.fallbacks.map((f) => `    ${f.rule} ${f.as}: ${title(f.anchor)}`).join('\n')}`);
      }
    }
    if (only) {
      onlyInferred++;
      const rules = [...new Set(model.fallbacks.map((f) => f.rule))].join('+');
      byRule.set(rules, (byRule.get(rules) ?? 0) + 1);
      if (listInferred) {
        const title = (a: string) => model.sections.find((x) => x.anchor === a)?.title;
        inferredLines.push(`+ ${file}\n${model.fallbacks.map((f) => `    ${f.rule} ${f.as}: ${title(f.anchor)}`).join('\n')}`);
      }
    }
    if (shaped) problemShapedCovered++;
    continue;
  }
  misses.push(file);
  const shape = shaped ? 'problem heading, no cause/solution' : model.problem ? 'summary-only problem' : 'no problem heading';
  missShape.set(shape, (missShape.get(shape) ?? 0) + 1);
  for (const s of model.sections) if (s.depth === 2) {
    const key = s.title.replace(/\d+/g, 'N');
    missH2.set(key, (missH2.get(key) ?? 0) + 1);
  }
}

console.log(`articles: ${total}, troubleshooting: ${trouble}, in ${Date.now() - t0} ms`);
console.log(`troubleshooting with >=1 cause or solution: ${covered} (${((100 * covered) / trouble).toFixed(2)}%)`);
console.log(`  of those with a strong problem heading (Symptoms, Issue, Problem, Error…): ${problemShapedCovered}/${problemShaped} (${((100 * problemShapedCovered) / problemShaped).toFixed(2)}%)`);
console.log(`  covered only by fallback rules: ${onlyInferred}:`, Object.fromEntries([...byRule].sort((a, b) => b[1] - a[1])));
console.log(`  covered by heading forms and given more by fallback rules: ${alsoInferred}`);
console.log(`with problem section: ${withProblem}; empty summary: ${emptySummary}; solutions linked to a cause: ${linked}/${solTotal}`);
console.log('sections by role:', Object.fromEntries(forms));
console.log('misses by shape:', Object.fromEntries(missShape));
console.log('\nmost common H2 titles in troubleshooting articles with neither:');
for (const [t, n] of [...missH2].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(String(n).padStart(5), t);
if (list) for (const f of misses) console.log(f);
if (listInferred) for (const l of inferredLines) console.log(l);
