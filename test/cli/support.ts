import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { version } from "../../package.json";
import { runCli as runCommand } from "../../src/cli/run.js";

/** Repository root. */
export const ROOT = join(import.meta.dirname, "..", "..");

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `cs-metrics` in-process, through the same `runCli` that `src/cli/main.ts` (the bin) calls with
 * the process's streams, capturing what it writes — so v8 coverage sees the CLI. The built bin
 * itself runs as a child process in `npm run check:pack` (from the packed tarball).
 */
export async function runCli(args: readonly string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCommand(
    [...args],
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
    },
    version,
  );
  return { code, stdout, stderr };
}

/** The `metric,value` rows of `--format csv` output (header dropped) as a map. */
export function csvValues(stdout: string): Map<string, string> {
  return new Map(stdout.trim().split("\n").slice(1).map((line) => line.split(",") as [string, string]));
}

/** A file of `examples/data/`. */
export const sample = (name: string): string => join(ROOT, "examples", "data", name);

/** A fresh scratch folder and a writer of files in it: `write("a.csv", text)` returns the file's path. */
export function scratchFolder(prefix: string): (name: string, content: string | Uint8Array) => string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  return (name, content) => {
    const file = join(folder, name);
    writeFileSync(file, content);
    return file;
  };
}
