// The engine and the knowledge are plain functions and data: no Discord in them,
// so the bot, the console and the tests all use the same code with no fakes.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIRS = ['src/engine', 'src/knowledge'];
/** General English data (WordNet classes, question words) the engine may read. */
const DATA_DIRS = ['src/english', 'src/paths.ts'];

const sources = DIRS.flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[cm]?[jt]s$/.test(f))
    .map((f) => join(dir, f)),
);

/** Every module a file imports: static, dynamic, `import x = require()`, `require()`, re-exports. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** Every identifier and string in a file's code (comments left out). */
function codeWords(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const words: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) words.push(node.text);
    else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) words.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
}

describe('the engine has no Discord in it', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(3);
  });

  it.each(sources)('%s imports nothing of Discord', (file) => {
    expect(importsOf(file).filter((m) => /discord/i.test(m))).toEqual([]);
  });

  it.each(sources)('%s imports only the engine and the knowledge', (file) => {
    for (const m of importsOf(file).filter((x) => x.startsWith('.'))) {
      const target = relative(ROOT, resolve(ROOT, file, '..', m));
      expect([...DIRS, ...DATA_DIRS].some((dir) => target === dir || target.startsWith(`${dir}/`)), `${file} imports ${target}`).toBe(true);
    }
  });

  it.each(sources)('%s names no Discord in its code', (file) => {
    expect(codeWords(file).filter((w) => /discord/i.test(w))).toEqual([]);
  });
});
