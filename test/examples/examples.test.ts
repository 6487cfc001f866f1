/**
 * Runs every example in examples/ on the BUILT package (dist/, as users get it) and compares what it
 * prints with examples/expected/*.txt — outputs whose figures are derived by hand in
 * examples/expected/README.md — and the Deno notebook's cells with the outputs saved in it.
 * Builds dist/ first when it is missing (CI builds before testing).
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const EXAMPLES = join(ROOT, "examples");
const DENO = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "deno.cmd" : "deno");

function expected(name: string): string {
  return readFileSync(join(EXAMPLES, "expected", name), "utf8");
}

function run(command: string, args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr });
    });
  });
}

beforeAll(() => {
  const built = ["index.js", "index.cjs", "charts.js", "charts.cjs", "stripe.js"].every((file) => existsSync(join(ROOT, "dist", file)));
  if (!built) execFileSync(process.execPath, [join(ROOT, "node_modules", "tsup", "dist", "cli-default.js")], { cwd: ROOT, stdio: "ignore" });
}, 180_000);

describe("examples on the built package", { timeout: 120_000 }, () => {
  it("examples/report.mjs (Node ESM import)", async () => {
    const result = await run(process.execPath, ["examples/report.mjs"], ROOT);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected("report.txt"));
  });

  it("examples/stripe-review.mjs: Stripe exports and product events to the yearly review", async () => {
    const result = await run(process.execPath, ["examples/stripe-review.mjs"], ROOT);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected("stripe-review.txt"));
  });

  it("examples/health.cjs (CommonJS require)", async () => {
    const result = await run(process.execPath, ["examples/health.cjs"], ROOT);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected("health.txt"));
  });

  it("examples/deno/report.ts (Deno)", async () => {
    const result = await run(DENO, ["run", "--allow-read", "report.ts"], join(EXAMPLES, "deno"));
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(expected("deno-report.txt"));
  });

  it("examples/charts.mjs renders every chart to SVG", async () => {
    const out = mkdtempSync(join(tmpdir(), "cs-metrics-charts-"));
    const result = await run(process.execPath, ["examples/charts.mjs", out], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected("charts.txt"));
    const svgs = readdirSync(out).filter((file) => file.endsWith(".svg")).sort();
    expect(svgs).toEqual(["cohort-retention.svg", "health-bands.svg", "mrr-bridge.svg", "priority-quadrant.svg"]);
    for (const file of svgs) expect(readFileSync(join(out, file), "utf8")).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it("examples/deno/walkthrough.ipynb: each code cell prints the output saved in the notebook", async () => {
    interface Cell {
      cell_type: string;
      source: string[];
      outputs?: { output_type: string; name?: string; text?: string[] }[];
    }
    const notebook = JSON.parse(readFileSync(join(EXAMPLES, "deno", "walkthrough.ipynb"), "utf8")) as { cells: Cell[]; metadata: { kernelspec: { name: string } } };
    expect(notebook.metadata.kernelspec.name).toBe("deno");
    const cells = notebook.cells.filter((cell) => cell.cell_type === "code");
    const marker = (index: number): string => `--- cell ${index} ---`;
    // The cells run in order in one module, as in the kernel; a marker line separates their outputs.
    const script = cells.map((cell, index) => `console.log(${JSON.stringify(marker(index))});\n${cell.source.join("")}\n`).join("");
    // Outside node_modules: Deno runs no TypeScript from there.
    const file = join(mkdtempSync(join(tmpdir(), "cs-metrics-notebook-")), "walkthrough.ts");
    writeFileSync(file, script);
    const result = await run(DENO, ["run", "--allow-read", "--config", join(EXAMPLES, "deno", "deno.json"), file], join(EXAMPLES, "deno"));
    expect(result.stderr).toBe("");
    const printed = result.stdout.split(/^--- cell \d+ ---\n/m).slice(1);
    const saved = cells.map((cell) => (cell.outputs ?? []).filter((output) => output.output_type === "stream" && output.name === "stdout").map((output) => (output.text ?? []).join("")).join(""));
    expect(printed).toEqual(saved);
  });
});
