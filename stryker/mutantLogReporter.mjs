// A StrykerJS reporter that appends each mutant's result to a JSON-lines file as soon as it is known
// (STRYKER_MUTANT_LOG, default reports/mutation/mutants.jsonl), so that a run stopped halfway still
// leaves what it measured. Stryker's own html/json reports are written only at the end of a run.
// `node stryker/mutantLogSummary.mjs <file>` turns the log into per-file scores.
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PluginKind, declareClassPlugin } from "@stryker-mutator/api/plugin";

class MutantLogReporter {
  constructor() {
    this.file = process.env.STRYKER_MUTANT_LOG ?? "reports/mutation/mutants.jsonl";
    mkdirSync(dirname(this.file), { recursive: true });
  }

  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status, statusReason, testsCompleted, static: isStatic } = result;
    const line = { id, fileName, mutatorName, replacement, location, status, statusReason, testsCompleted, static: isStatic };
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, "mutant-log", MutantLogReporter)];
