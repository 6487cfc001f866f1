/**
 * Runs every documented example — `@example` blocks in src/ and ```ts blocks in README.md and
 * docs/*.md — against the sources, and checks each `expression; //=> expected` line by deep
 * equality (strings exactly). Also checks that every exported function has an example.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { type DocExample, ROOT, compileExample, markdownExamples, sourceExamples } from "./support/docExamples.js";

const SRC = join(ROOT, "src");
// Inside node_modules so that bare imports resolve and git ignores the files.
const OUT = join(ROOT, "node_modules", ".cache", "cs-metrics-doc-examples", String(process.pid));
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

interface Recorded {
  line: number;
  actual: unknown;
  expected: unknown;
}

async function run(example: DocExample, index: number): Promise<void> {
  const { source, checks } = compileExample(example, SRC);
  const path = join(OUT, `${example.file.replace(/[^\w]+/g, "_")}_${example.line}_${index}.ts`);
  writeFileSync(path, source);
  const module = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as { __checks: Recorded[] };
  const ran = new Set(module.__checks.map((check) => check.line));
  for (const check of checks) {
    expect(ran.has(check.line), `${example.file}:${check.line}: the check "${check.expression}" never ran`).toBe(true);
  }
  for (const check of module.__checks) {
    expect(check.actual, `${example.file}:${check.line}`).toEqual(check.expected);
  }
}

const fromSource = sourceExamples();
const fromMarkdown = markdownExamples();

describe("TSDoc @example blocks", { timeout: 60_000 }, () => {
  it.each(fromSource.map((example, index) => [`${example.file}:${example.line} (${example.declaration})`, example, index] as const))(
    "%s",
    async (_name, example, index) => {
      await run(example, index);
    },
  );

  it("finds the examples (sanity: the extractor works)", () => {
    expect(fromSource.length).toBeGreaterThan(20);
    const nrr = fromSource.find((example) => example.declaration === "nrr");
    expect(nrr?.code).toContain('nrrValue?.toString(); //=> "0.6"');
  });
});

describe("Markdown ```ts blocks (README.md, docs/*.md)", { timeout: 60_000 }, () => {
  it.each(fromMarkdown.map((example, index) => [`${example.file}:${example.line}`, example, index] as const))("%s", async (_name, example, index) => {
    await run(example, 10_000 + index);
  });
});

describe("API coverage", { timeout: 60_000 }, () => {
  it("every exported function and class has an @example with at least one //=> check", async () => {
    // The main entry and every subpath entry (src/<name>/index.ts: charts, sql, …).
    const entryFiles = [join(SRC, "index.ts"), ...readdirSync(SRC).map((name) => join(SRC, name, "index.ts")).filter((path) => existsSync(path))];
    expect(entryFiles.map((path) => relative(SRC, path))).toContain(join("charts", "index.ts"));
    const entryPoints = await Promise.all(entryFiles.map((path) => import(/* @vite-ignore */ pathToFileURL(path).href) as Promise<Record<string, unknown>>));
    const documented = new Set(fromSource.filter((example) => example.code.includes("//=>")).map((example) => example.declaration));
    const missing: string[] = [];
    for (const entry of entryPoints) {
      for (const [name, value] of Object.entries(entry)) {
        if (name === "Decimal") continue; // decimal.js, re-exported as is
        if (typeof value === "function" && !documented.has(name)) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the example compiler", () => {
  it("turns a //=> line into a recorded check and refuses a marker without an expression", () => {
    const compiled = compileExample({ file: "x.ts", line: 10, declaration: "x", code: 'const a = 1;\na + 1; //=> 2\n' }, SRC);
    expect(compiled.checks).toEqual([{ line: 11, expression: "a + 1", expected: "2" }]);
    expect(compiled.source).toContain("__checks.push({ line: 11, actual: (a + 1), expected: (2) });");
    const below = compileExample({ file: "x.ts", line: 1, declaration: "x", code: "const a = 1;\na + 2;\n//=> 3\n" }, SRC);
    expect(below.checks).toEqual([{ line: 3, expression: "a + 2", expected: "3" }]);
    expect(() => compileExample({ file: "x.ts", line: 1, declaration: "x", code: "const a = 1; //=> 1\n" }, SRC)).toThrow(/follows no expression/);
  });
});

describe("a wrong example fails", { timeout: 60_000 }, () => {
  it("reports a check whose value differs, and one that never ran", async () => {
    const wrong = { file: "wrong.ts", line: 1, declaration: "wrong", code: 'import { formatPercent } from "cs-metrics";\nformatPercent("0.5"); //=> "50%"\n' };
    await expect(run(wrong, 90_001)).rejects.toThrow(/wrong\.ts:2/);
    const skipped = { file: "skipped.ts", line: 1, declaration: "skipped", code: 'if (false as boolean) {\n  1 + 1; //=> 2\n}\n' };
    await expect(run(skipped, 90_002)).rejects.toThrow(/never ran/);
  });
});
