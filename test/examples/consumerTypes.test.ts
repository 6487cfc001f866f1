/**
 * The parts of the consumer type matrix (test/examples/checkConsumerTypes.mjs, run by `npm run check:pack`)
 * that can be checked without packing: which entry points it imports, which doc examples it compiles, what
 * counts as a type leaking from a package that is not a dependency — and the rule that keeps the matrix
 * green, checked here so it fails in `npm test` already: src/ imports decimal.js by its named export.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

interface Matrix {
  entrySpecifiers(packageJson: unknown): string[];
  jsonDocExamples(): { origin: string; file: string; code: string }[];
  undeclaredTypeImports(packageDir: string): string[];
  SETUPS: { name: string; options: Record<string, unknown> }[];
  STRICT: Record<string, unknown>;
}
let matrix: Matrix;
beforeAll(async () => {
  matrix = (await import(/* @vite-ignore */ pathToFileURL(join(import.meta.dirname, "checkConsumerTypes.mjs")).href)) as Matrix;
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

describe("src/ and decimal.js", () => {
  // decimal.d.ts is a CommonJS declaration: in an ES module compiled with nodenext/node16 its DEFAULT
  // import is the module object, not the class, and our .d.ts would type every Decimal as a namespace.
  it("every import of decimal.js is the named `Decimal` export", () => {
    const offending: string[] = [];
    for (const path of sourceFiles(join(ROOT, "src"))) {
      for (const statement of readFileSync(path, "utf8").match(/^(?:import|export)\b[^;]*?from\s+"decimal\.js"/gms) ?? []) {
        if (!/^(import|export)\s+(type\s+)?\{\s*Decimal\s*\}\s+from/.test(statement)) offending.push(`${relative(ROOT, path)}: ${statement}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

describe("checkConsumerTypes.mjs", () => {
  it("imports every subpath of package.json's exports, a future one too, but not package.json", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    expect(matrix.entrySpecifiers(manifest)).toEqual(["cs-metrics", "cs-metrics/charts", "cs-metrics/sql", "cs-metrics/stripe", "cs-metrics/review", "cs-metrics/slack", "cs-metrics/parquet"]);
    const withFuture = { ...manifest, exports: { ...manifest.exports, "./future": { import: "./dist/future.js" } } };
    expect(matrix.entrySpecifiers(withFuture)).toContain("cs-metrics/future");
    expect(matrix.entrySpecifiers({ name: "x", exports: "./index.js" })).toEqual(["x"]);
  });

  it("compiles README's JSON-importing charts example among the doc examples", () => {
    const examples = matrix.jsonDocExamples();
    const readme = examples.find((example) => example.origin.startsWith("README.md:") && example.code.includes("mrrBridgeChart"));
    expect(readme?.code).toContain('from "./examples/data/contracts.json"');
    expect(examples.some((example) => example.file.startsWith("docs/") && example.code.includes('"../examples/data/scorecard.json"'))).toBe(true);
  });

  it("runs every setup strict with skipLibCheck false", () => {
    expect(matrix.SETUPS.map((setup) => setup.name)).toEqual(["esm-nodenext", "cjs-nodenext", "esm-node16", "bundler-esnext", "bundler-preserve"]);
    expect(matrix.STRICT).toMatchObject({ strict: true, skipLibCheck: false, noEmit: true });
    expect(matrix.SETUPS.filter((setup) => "strict" in setup.options || "skipLibCheck" in setup.options)).toEqual([]);
  });

  it("reports declarations that import a package that is not a dependency, ignoring TSDoc examples", () => {
    const dir = mkdtempSync(join(tmpdir(), "cs-metrics-decl-"));
    mkdirSync(join(dir, "dist"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p", dependencies: { "decimal.js": "1" }, peerDependencies: { zod: "4" } }));
    writeFileSync(
      join(dir, "dist", "index.d.ts"),
      [
        '/** @example import { nrr } from "cs-metrics"; */',
        'import { Decimal } from "decimal.js";',
        'import { z } from "zod";',
        'import type { TopLevelSpec } from "vega-lite";',
        '/// <reference types="node" />',
        'export declare const client: import("@types/pg").Client;',
      ].join("\n"),
    );
    writeFileSync(join(dir, "dist", "index.d.cts"), 'import { z } from "zod/v4";\n');
    expect(matrix.undeclaredTypeImports(dir)).toEqual(["@types/pg (index.d.ts)", "node (index.d.ts)", "vega-lite (index.d.ts)"]);
  });
});
