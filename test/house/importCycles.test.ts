import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../../src");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith(".ts") ? [join(directory, entry.name)] : [],
  );
}

/** Relative imports and re-exports (`import … from "./x.js"`, `export … from`, `import("./x.js")`), type-only ones included. */
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^;]*?from\s*["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)|^import\s*["'](\.[^"']+)["']/gm;

/** The import graph of `files`: file → files it imports (resolved, `.js` read as `.ts`). */
export function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets: string[] = [];
    for (const match of read(file).matchAll(IMPORT)) {
      const specifier = (match[1] ?? match[2] ?? match[3])!;
      const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
      if (known.has(target)) targets.push(target);
      else if (known.has(join(target, "index.ts"))) targets.push(join(target, "index.ts"));
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle found by a depth-first search, each as the list of files from its first file back to it. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      const seen = state.get(target);
      if (seen === "open") cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (seen === undefined) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("import graph of src/", () => {
  it("finds a planted cycle and its files (the check itself can fail)", () => {
    const texts: Record<string, string> = {
      "/p/a.ts": 'import { b } from "./b.js";',
      "/p/b.ts": 'import type { C } from "./sub/c.js";\nexport const b = 1;',
      "/p/sub/c.ts": 'export { a } from "../a.js";',
      "/p/d.ts": 'const lazy = import("./a.js");',
    };
    const graph = importGraph(Object.keys(texts), (file) => texts[file]!);
    expect(graph.get("/p/d.ts")).toEqual(["/p/a.ts"]);
    expect(findCycles(graph)).toEqual([["/p/a.ts", "/p/b.ts", "/p/sub/c.ts", "/p/a.ts"]]);
    expect(findCycles(new Map([["/p/x.ts", ["/p/y.ts"]], ["/p/y.ts", []]]))).toEqual([]);
  });

  it("has no import cycle (type-only imports and re-exports count)", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const graph = importGraph(files, (file) => readFileSync(file, "utf8"));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(SRC, file)).join(" → "));
    expect(cycles).toEqual([]);
  });
});
