#!/usr/bin/env node
/**
 * The `cs-metrics` command. See {@link USAGE}.
 * @module
 */
import { version } from "../../package.json";
import { USAGE, runCli } from "./run.js";

export { USAGE };

void runCli(
  process.argv.slice(2),
  { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  version,
).then((code) => {
  process.exitCode = code;
});
