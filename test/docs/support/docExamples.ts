/**
 * Finds the runnable examples of the documentation — ```ts blocks inside `@example` TSDoc tags of
 * src/**\/*.ts and every ```ts block of README.md and docs/*.md — and turns each into a module that
 * records its `expression; //=> expected` checks instead of discarding them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";

/** Repository root. */
export const ROOT = join(import.meta.dirname, "..", "..", "..");

/** One ```ts block. */
export interface DocExample {
  /** Repository-relative file. */
  readonly file: string;
  /** 1-based line of the block's first code line in `file`. */
  readonly line: number;
  /** The declaration the TSDoc belongs to (`""` for Markdown). */
  readonly declaration: string;
  readonly code: string;
}

/** One `//=>` check of an example. */
export interface DocCheck {
  /** 1-based line in the example's file. */
  readonly line: number;
  readonly expression: string;
  readonly expected: string;
}

/** A runnable module made from an example. */
export interface CompiledExample {
  /** Module source; it exports `__checks: { line, actual, expected }[]` filled as it runs. */
  readonly source: string;
  readonly checks: readonly DocCheck[];
}

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(path, keep));
    else if (keep(path)) found.push(path);
  }
  return found.sort();
}

const FENCE = /```ts\n([\s\S]*?)```/g;

/** ```ts blocks of a text, with the 1-based line each block's code starts on. */
function fencedBlocks(text: string, firstLine: number): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  for (const match of text.matchAll(FENCE)) {
    const before = text.slice(0, match.index);
    blocks.push({ line: firstLine + before.split("\n").length + 1, code: match[1] ?? "" });
  }
  return blocks;
}

function declarationName(node: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name) {
    return node.name.text;
  }
  if (ts.isTypeAliasDeclaration(node)) return node.name.text;
  if (ts.isVariableStatement(node)) {
    const first = node.declarationList.declarations[0];
    return first !== undefined && ts.isIdentifier(first.name) ? first.name.text : undefined;
  }
  return undefined;
}

/** The `@example` blocks of one TypeScript source file, by declaration. */
export function tsdocExamples(path: string): DocExample[] {
  const text = readFileSync(path, "utf8");
  const file = relative(ROOT, path);
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const examples: DocExample[] = [];
  const visit = (node: ts.Node): void => {
    const name = declarationName(node);
    if (name !== undefined) {
      for (const doc of ts.getJSDocCommentsAndTags(node)) {
        if (!ts.isJSDoc(doc)) continue;
        for (const tag of doc.tags ?? []) {
          if (tag.tagName.text !== "example") continue;
          const raw = text.slice(tag.pos, tag.end);
          const tagLine = source.getLineAndCharacterOfPosition(tag.pos).line; // 0-based
          // Strip the comment's leading " * " from every line, keeping line numbers.
          const body = raw
            .split("\n")
            .map((line) => line.replace(/^\s*\*(?:\/)?\s?/, ""))
            .join("\n");
          for (const block of fencedBlocks(body, tagLine)) examples.push({ file, line: block.line, declaration: name, code: block.code });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return examples;
}

/** Every `@example` block under src/. */
export function sourceExamples(): DocExample[] {
  return walk(join(ROOT, "src"), (path) => path.endsWith(".ts")).flatMap(tsdocExamples);
}

/** Every ```ts block of README.md and docs/*.md (the API reference in docs/api excluded). */
export function markdownExamples(): DocExample[] {
  const files = [join(ROOT, "README.md"), ...walk(join(ROOT, "docs"), (path) => path.endsWith(".md") && !path.includes(`${join("docs", "api")}`))];
  return files.flatMap((path) =>
    fencedBlocks(readFileSync(path, "utf8"), 0).map((block) => ({ file: relative(ROOT, path), line: block.line, declaration: "", code: block.code })),
  );
}

/**
 * Points the package's public specifiers at the sources (`cs-metrics` → src/index.ts, `cs-metrics/x` →
 * src/x/index.ts) and relative specifiers at absolute paths from `fromDir`, the example's own folder.
 */
export function rewriteImports(code: string, srcDir: string, fromDir: string = srcDir): string {
  return code
    .replace(/from\s+"(\.\.?\/[^"]+)"/g, (_match, path: string) => `from ${JSON.stringify(join(fromDir, path))}`)
    .replace(/from\s+"cs-metrics\/(\w+)"/g, (_match, entry: string) => `from ${JSON.stringify(join(srcDir, entry, "index.ts"))}`)
    .replace(/from\s+"cs-metrics"/g, `from ${JSON.stringify(join(srcDir, "index.ts"))}`);
}

/**
 * Rewrites each `expression; //=> expected` statement (the last expression statement that ends on a
 * `//=>` line before the marker, or on the line above a line that holds only `//=> expected`) into `__checks.push({ line, actual: (expression), expected: (expected) })`.
 * @throws when a `//=>` marker follows no expression statement.
 */
export function compileExample(example: DocExample, srcDir: string): CompiledExample {
  const code = rewriteImports(example.code, srcDir, dirname(join(ROOT, example.file)));
  const source = ts.createSourceFile("example.ts", code, ts.ScriptTarget.Latest, true);
  const statements: ts.ExpressionStatement[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) statements.push(node);
    ts.forEachChild(node, collect);
  };
  collect(source);

  const checks: DocCheck[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  let offset = 0;
  const lines = code.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const lineText = lines[index]!;
    const marker = lineText.indexOf("//=>");
    if (marker >= 0) {
      const markerPos = offset + marker;
      // `expr; //=> value` on one line, or `//=> value` alone on the line after the statement.
      const alone = lineText.slice(0, marker).trim() === "";
      const lineOfMarker = source.getLineAndCharacterOfPosition(markerPos).line - (alone ? 1 : 0);
      const candidates = statements.filter(
        (statement) => statement.getEnd() <= markerPos && source.getLineAndCharacterOfPosition(statement.getEnd()).line === lineOfMarker,
      );
      const statement = candidates.sort((a, b) => b.getEnd() - a.getEnd())[0];
      const line = example.line + index;
      if (statement === undefined) throw new Error(`${example.file}:${line}: "//=>" follows no expression statement`);
      const expected = lineText.slice(marker + 4).trim();
      const expression = statement.expression.getText(source);
      checks.push({ line, expression, expected });
      edits.push({
        start: statement.getStart(source),
        end: statement.getEnd(),
        text: `__checks.push({ line: ${line}, actual: (${expression}), expected: (${expected}) });`,
      });
    }
    offset += lineText.length + 1;
  }
  let rewritten = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end);
  }
  const header = "export const __checks: { line: number; actual: unknown; expected: unknown }[] = [];\n";
  return { source: header + rewritten, checks };
}
