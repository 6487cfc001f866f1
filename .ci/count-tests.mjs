// Reads vitest JSON reports (one per time zone) and prints "N passed, N failed": a test counts as
// passed when it passed in every report, as failed when it failed (or was missing) in any.
import { readFileSync } from "node:fs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.log("0 passed, 0 failed");
  console.error("no vitest JSON reports found");
  process.exit(1);
}
const outcome = new Map();
for (const file of files) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  for (const suite of report.testResults) {
    for (const test of suite.assertionResults) {
      // @fast-check/vitest appends the random seed to a property's name; the same test must match
      // across the reports of the three time zones.
      const key = `${suite.name}::${test.fullName.replace(/ \(with seed=-?\d+\)$/, "")}`;
      const seen = outcome.get(key) ?? { passed: 0, failed: 0, where: [] };
      if (test.status === "passed") seen.passed++;
      else if (test.status === "failed") {
        seen.failed++;
        const message = (test.failureMessages ?? []).join(" ").split("\n").slice(0, 3).join(" / ");
        seen.where.push(`${file}: ${message.slice(0, 400)}`);
      }
      outcome.set(key, seen);
    }
    if (suite.status === "failed" && suite.assertionResults.length === 0) {
      outcome.set(`${suite.name}::<suite failed to load>`, {
        passed: 0,
        failed: 1,
        where: [`${file}: ${String(suite.message ?? "").slice(0, 400)}`],
      });
    }
  }
}
let passed = 0;
let failed = 0;
// The failures are printed last, beside the counts: CI shows only the tail of a long log.
for (const [key, { passed: p, failed: f, where }] of outcome) {
  if (p === 0 && f === 0) continue; // skipped everywhere
  if (f === 0 && p === files.length) passed++;
  else {
    failed++;
    console.log(`FAILED ${key}`);
    for (const line of where) console.log(`  ${line}`);
    if (where.length === 0) console.log(`  missing from ${files.length - p} of ${files.length} reports`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
