/**
 * One command of the bench's side-by-side comparisons, run in its own Node.js process and measured
 * from outside: wall time around the child, and the child's own CPU time (user + system, all threads)
 * and peak RSS, reported by bench/reportUsage.mjs as it exits. Commands run from the repository root,
 * so `dist/cli.js` and bench scripts are named relative to it.
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
/** The repository root, where measured commands run. */
const REPO_ROOT = join(here, "..");

/** One measured command. */
export interface CommandRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly stdout: string;
}

/** Runs `node <args>` with the usage reporter preloaded: its wall time, CPU time, peak RSS and stdout. */
export function runMeasured(args: readonly string[]): CommandRun {
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--import", join(here, "reportUsage.mjs"), ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "pipe", "pipe"],
  });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed (${child.status}): ${child.stderr}`);
  const usage = JSON.parse(String(child.output[3]).trim()) as { cpuMs: number; peakRssMb: number };
  return { wallMs, ...usage, stdout: child.stdout };
}

/** Stops with a clear message when the built CLI the comparisons run is missing. */
export function requireBuiltCli(): void {
  if (!existsSync(join(REPO_ROOT, "dist", "cli.js"))) throw new Error("bench: dist/cli.js is missing; run npm run build first");
}

/** The CLI and DuckDB + toSql, each run once on the same generated file, and what differs in their figures. */
export interface SideBySide {
  readonly cli: CommandRun;
  readonly duckdb: CommandRun;
  /** The input file's size. */
  readonly fileMb: number;
  readonly problems: readonly string[];
}
