// Consumer type matrix (part of `npm run check:pack`): installs the packed tarball into a scratch folder and
// type-checks a user's code against it in each TypeScript setup people use — an ESM or CommonJS package
// with nodenext, node16 or bundler resolution — with the repository's own TypeScript, `strict` and
// `skipLibCheck: false`, so an error inside our shipped .d.ts/.d.cts fails as loudly as one in the user's
// code. Each setup compiles
//   - consumerTypes/consumer.ts: every entry point used, with exact type assertions (Decimal | null rates,
//     never `any`; the Decimal class as type and value; a RevenueReport field; zod-inferred types);
//   - entries.ts, generated from the package's "exports": every subpath imported, so a new entry point is
//     type-checked the day it is added;
//   - (ES module setups) every ```ts block of README.md and docs/*.md that imports the sample JSON files,
//     with those files beside it, as a user copying the example would have them.
// Run alone: `node test/examples/checkConsumerTypes.mjs [path/to/cs-metrics-x.y.z.tgz]` (packs if none given).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(import.meta.dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Options every setup shares: what a careful user turns on. */
export const STRICT = { strict: true, skipLibCheck: false, noEmit: true, target: "ES2022", resolveJsonModule: true };
/**
 * The globals a setup has: a Node service has @types/node, a web app bundled for the browser has the DOM
 * library. (One or the other is needed with skipLibCheck false: zod's declarations name the global `URL`.)
 */
const NODE = { lib: ["ES2022"], types: ["node"] };
const BROWSER = { lib: ["ES2022", "DOM"], types: [] };

/**
 * The setups. `type` is the scratch package's "type"; `json` says whether the JSON-importing doc examples
 * (`import … with { type: "json" }`) are compiled there: they are ES module code, and node16 has no import
 * attributes.
 */
export const SETUPS = [
  {
    name: "esm-nodenext",
    type: "module",
    json: true,
    options: { ...NODE, module: "nodenext", moduleResolution: "nodenext", verbatimModuleSyntax: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true },
  },
  { name: "cjs-nodenext", type: "commonjs", json: false, options: { ...NODE, module: "nodenext", moduleResolution: "nodenext" } },
  { name: "esm-node16", type: "module", json: false, options: { ...NODE, module: "node16", moduleResolution: "node16" } },
  { name: "bundler-esnext", type: "module", json: true, options: { ...BROWSER, module: "esnext", moduleResolution: "bundler", exactOptionalPropertyTypes: true } },
  { name: "bundler-preserve", type: undefined, json: true, options: { ...BROWSER, module: "preserve", moduleResolution: "bundler", noUncheckedIndexedAccess: true } },
];

function sh(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
}

/** `"cs-metrics"`, `"cs-metrics/charts"`, …: every subpath of the installed package's "exports" but ./package.json. */
export function entrySpecifiers(packageJson) {
  const exports = packageJson.exports;
  const subpaths = typeof exports === "object" && exports !== null && Object.keys(exports).every((key) => key.startsWith(".")) ? Object.keys(exports) : ["."];
  return subpaths
    .filter((subpath) => subpath !== "./package.json" && !subpath.includes("*") && !subpath.endsWith(".json"))
    .map((subpath) => (subpath === "." ? packageJson.name : `${packageJson.name}/${subpath.slice(2)}`));
}

function entriesSource(specifiers) {
  const lines = [
    "// Generated from the package's \"exports\": every entry point imported and non-empty.",
    "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
  ];
  specifiers.forEach((specifier, index) => {
    lines.push(`import * as entry${index} from ${JSON.stringify(specifier)};`);
    lines.push(`export const entry${index}HasExports: Equal<keyof typeof entry${index}, never> = false;`);
  });
  lines.push(`export const entryPoints = [${specifiers.map((_s, index) => `entry${index}`).join(", ")}] as const;`);
  return `${lines.join("\n")}\n`;
}

const FENCE = /```ts\n([\s\S]*?)```/g;

/** The ```ts blocks of README.md and docs/*.md that import a file of examples/data, with where they go. */
export function jsonDocExamples() {
  const files = [{ path: join(ROOT, "README.md"), dir: "." }];
  for (const name of readdirSync(join(ROOT, "docs")).sort()) {
    if (name.endsWith(".md")) files.push({ path: join(ROOT, "docs", name), dir: "docs" });
  }
  const examples = [];
  for (const { path, dir } of files) {
    const text = readFileSync(path, "utf8");
    for (const match of text.matchAll(FENCE)) {
      const code = match[1] ?? "";
      if (!/from\s+"(\.\.?\/)+examples\/data\/[\w.-]+\.json"/.test(code)) continue;
      const line = text.slice(0, match.index).split("\n").length + 1;
      examples.push({ origin: `${dir === "." ? "" : "docs/"}${basename(path)}:${line}`, file: join(dir, `${basename(path, ".md")}-${line}.ts`), code });
    }
  }
  return examples;
}

/**
 * The packages the shipped declaration files import (`zod`, `decimal.js`, …) that are neither dependencies
 * nor peer dependencies of the package: types a user could not resolve (a devDependency's, say).
 */
export function undeclaredTypeImports(packageDir) {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
  const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const found = new Set();
  const dist = join(packageDir, "dist");
  for (const name of readdirSync(dist)) {
    if (!/\.d\.c?ts$/.test(name)) continue;
    // Declarations without their comments (TSDoc examples import "cs-metrics").
    const text = readFileSync(join(dist, name), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/(?!\/ <reference).*$/gm, "");
    for (const match of text.matchAll(/(?:from\s+|import\s+|import\(\s*|reference\s+types=)["']([^"'./][^"']*)["']/g)) {
      const specifier = match[1];
      const parts = specifier.split("/");
      const packageName = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
      if (!declared.has(packageName) && !packageName.startsWith("node:")) found.add(`${packageName} (${name})`);
    }
  }
  return [...found].sort();
}

/**
 * Installs `tarball` (with zod, the peer dependency, and @types/node) under `work` and compiles every setup.
 * @returns One result per setup: `ok`, the number of `error TS` lines and tsc's output.
 */
export function checkConsumerTypes(tarball, work) {
  const base = join(work, "types");
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, "package.json"), JSON.stringify({ name: "types-scratch", private: true, version: "0.0.0" }, null, 2));
  sh(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, "zod@4", "@types/node@20"], base);
  const installed = JSON.parse(readFileSync(join(base, "node_modules", "cs-metrics", "package.json"), "utf8"));
  const specifiers = entrySpecifiers(installed);
  const docExamples = jsonDocExamples();
  const consumer = readFileSync(join(import.meta.dirname, "consumerTypes", "consumer.ts"), "utf8");

  const undeclared = undeclaredTypeImports(join(base, "node_modules", "cs-metrics"));
  const imports = {
    name: "declaration imports",
    ok: undeclared.length === 0,
    errors: undeclared.length,
    files: 0,
    output: `types from packages that are not dependencies: ${undeclared.join(", ")}`,
    docExamples: 0,
  };
  const setups = SETUPS.map((setup) => {
    // Each setup is its own package (its "type" decides ESM or CommonJS) resolving ../node_modules.
    const dir = join(base, setup.name);
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: setup.name, private: true, version: "0.0.0", ...(setup.type ? { type: setup.type } : {}) }, null, 2));
    writeFileSync(join(dir, "consumer.ts"), consumer);
    writeFileSync(join(dir, "entries.ts"), entriesSource(specifiers));
    const include = ["consumer.ts", "entries.ts"];
    if (setup.json) {
      mkdirSync(join(dir, "examples", "data"), { recursive: true });
      mkdirSync(join(dir, "docs"));
      for (const name of readdirSync(join(ROOT, "examples", "data"))) {
        if (name.endsWith(".json")) copyFileSync(join(ROOT, "examples", "data", name), join(dir, "examples", "data", name));
      }
      for (const example of docExamples) {
        writeFileSync(join(dir, example.file), `// ${example.origin}\n${example.code}`);
        include.push(example.file);
      }
    }
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...STRICT, ...setup.options }, files: include }, null, 2));
    let output = "";
    let ok = true;
    try {
      output = sh(process.execPath, [TSC, "--noEmit", "-p", "tsconfig.json"], dir);
    } catch (error) {
      ok = false;
      output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
    }
    const errors = (output.match(/error TS\d+/g) ?? []).length;
    return { name: setup.name, ok: ok && errors === 0, errors, files: include.length, output, docExamples: setup.json ? docExamples.length : 0 };
  });
  return [imports, ...setups];
}

/** One line per setup, for the log. */
export function describeResult(result) {
  if (result.name === "declaration imports") {
    return `the .d.ts/.d.cts files import types only from dependencies and peer dependencies${result.ok ? "" : ` (${result.output})`}`;
  }
  const what = `${result.files} files${result.docExamples ? `, ${result.docExamples} JSON doc examples` : ""}`;
  return `consumer types ${result.name} (${what}): ${result.ok ? "no errors" : `${result.errors} errors`}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(join(tmpdir(), "cs-metrics-types-"));
  let tarball = process.argv[2];
  if (tarball === undefined) {
    const [packed] = JSON.parse(sh(NPM, ["pack", "--json", "--pack-destination", work], ROOT));
    tarball = join(work, packed.filename);
  }
  const results = checkConsumerTypes(tarball, work);
  for (const result of results) {
    console.log(`${result.ok ? "ok " : "FAIL"} ${describeResult(result)}`);
    if (!result.ok) console.log(result.output.split("\n").slice(0, 40).join("\n"));
  }
  if (results.some((result) => !result.ok)) process.exit(1);
}
