// Packaging check (CI: `npm run check:pack`, after `npm run build`): packs the package, checks that the
// tarball holds only what a user needs and that package.json links the repository, installs it into a scratch project
// and uses it from ESM, CommonJS, Deno and the `cs-metrics` command, then type-checks a user's code against
// it in every TypeScript setup of checkConsumerTypes.mjs. Exits non-zero on the first failure.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkConsumerTypes, describeResult } from "./checkConsumerTypes.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const DENO = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "deno.cmd" : "deno");
const work = mkdtempSync(join(tmpdir(), "cs-metrics-pack-"));

function sh(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
}

function check(condition, message) {
  if (!condition) {
    console.error(`check:pack FAILED: ${message}`);
    process.exit(1);
  }
  console.log(`ok  ${message}`);
}

// 1. What the tarball holds.
const [packed] = JSON.parse(sh(NPM, ["pack", "--json", "--pack-destination", work], ROOT));
const files = packed.files.map((file) => file.path).sort();
const allowed = (path) =>
  ["package.json", "README.md", "LICENSE", "CHANGELOG.md"].includes(path) ||
  (/^dist\/[\w.-]+\.(js|cjs|d\.ts|d\.cts|js\.map|cjs\.map)$/.test(path) && !/^dist\/cli\.(cjs|d\.)/.test(path));
const extra = files.filter((path) => !allowed(path));
check(extra.length === 0, `the tarball holds only dist, README, LICENSE, CHANGELOG and package.json (extra: ${extra.join(", ") || "none"})`);
const needed = ["LICENSE", "README.md", "CHANGELOG.md", "dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/charts.js", "dist/charts.cjs", "dist/charts.d.ts", "dist/charts.d.cts", "dist/stripe.js", "dist/stripe.cjs", "dist/stripe.d.ts", "dist/stripe.d.cts", "dist/review.js", "dist/review.cjs", "dist/review.d.ts", "dist/review.d.cts", "dist/slack.js", "dist/slack.cjs", "dist/slack.d.ts", "dist/slack.d.cts", "dist/cli.js", "dist/parquet.js", "dist/parquet.cjs", "dist/parquet.d.ts", "dist/parquet.d.cts"];
const absent = needed.filter((path) => !files.includes(path));
check(absent.length === 0, `the tarball holds ${needed.length} files a user needs (missing: ${absent.join(", ") || "none"})`);
check(!files.some((path) => path.startsWith("src/") || path.startsWith("test/") || path.startsWith("examples/")), "no sources, tests or examples in the tarball");

// The npm page: package.json points at the repository (README's links into it are checked by
// test/docs/guides.test.ts: absolute, since no relative link resolves there).
const REPOSITORY = "https://github.com/cs-metrics/cs-metrics";
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
check(
  manifest.repository?.url === `git+${REPOSITORY}.git` && manifest.homepage === `${REPOSITORY}#readme` && manifest.bugs?.url === `${REPOSITORY}/issues`,
  "package.json has repository, homepage and bugs",
);

// 2. A scratch project that installs the tarball (and zod, the peer dependency).
const project = join(work, "project");
mkdirSync(project);
writeFileSync(join(project, "package.json"), JSON.stringify({ name: "scratch", private: true, version: "0.0.0" }, null, 2));
const tarball = join(work, packed.filename);
sh(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, "zod@4"], project);

const contracts = `[
  { id: "1", customerId: "a", start: "2024-01-01", amount: 86, currency: "USD" },
  { id: "2", customerId: "a", start: "2025-07-01", amount: 13, currency: "USD" },
  { id: "3", customerId: "b", start: "2024-01-01", end: "2025-07-01", amount: 14, currency: "USD" },
]`;
// starting 100; a 86 → 99 (expansion 13), b 14 → 0 (churn): NRR 99/100, GRR 86/100 (DOMAIN.md §3)
const EXPECTED = "0.99 0.86 7 Vega-Lite";
// The exported Decimal is decimal.js's class, the very one the library's results are made of:
// 1 + 0.5 = 1.5; a rate, a parsed amount and a new Decimal are all its instances, also by isDecimal.
const DECIMAL_EXPECTED = "1.5 true true true true";
const decimalCheck = (moduleFormat) => `const one = new Decimal(1);
const parsed = ContractSchema.parse({ id: "x", customerId: "y", start: "2025-01-01", amount: "2", currency: "EUR" }).amount;
const rate = nrr(contracts, year(2025));
console.log(one.plus("0.5").toString(), one instanceof Decimal, rate instanceof Decimal, parsed instanceof Decimal, Decimal.isDecimal(rate) && typeof Decimal.clone === "function" ? true : "${moduleFormat}: no clone");
`;

writeFileSync(
  join(project, "esm.mjs"),
  `import { nrr, grr, year } from "cs-metrics";
import { mrrBridgeChart, VEGA_LITE_SCHEMA } from "cs-metrics/charts";
import { revenueMovements } from "cs-metrics";
const contracts = ${contracts};
const steps = mrrBridgeChart(revenueMovements(contracts, year(2025))).data.values.length;
console.log(nrr(contracts, year(2025)).toString(), grr(contracts, year(2025)).toString(), steps, VEGA_LITE_SCHEMA.includes("vega-lite") ? "Vega-Lite" : "?");
`,
);
check(sh(process.execPath, ["esm.mjs"], project).trim() === EXPECTED, "import from ESM (cs-metrics and cs-metrics/charts)");
writeFileSync(join(project, "decimal.mjs"), `import { ContractSchema, Decimal, nrr, year } from "cs-metrics";\nconst contracts = ${contracts};\n${decimalCheck("ESM")}`);
check(sh(process.execPath, ["decimal.mjs"], project).trim() === DECIMAL_EXPECTED, "ESM: new Decimal(1) works and the library's Decimals are instances of the exported class");

writeFileSync(
  join(project, "cjs.cjs"),
  `const { nrr, grr, year, revenueMovements } = require("cs-metrics");
const { mrrBridgeChart, VEGA_LITE_SCHEMA } = require("cs-metrics/charts");
const contracts = ${contracts};
const steps = mrrBridgeChart(revenueMovements(contracts, year(2025))).data.values.length;
console.log(nrr(contracts, year(2025)).toString(), grr(contracts, year(2025)).toString(), steps, VEGA_LITE_SCHEMA.includes("vega-lite") ? "Vega-Lite" : "?");
`,
);
check(sh(process.execPath, ["cjs.cjs"], project).trim() === EXPECTED, "require from CommonJS (cs-metrics and cs-metrics/charts)");
writeFileSync(join(project, "decimal.cjs"), `const { ContractSchema, Decimal, nrr, year } = require("cs-metrics");\nconst contracts = ${contracts};\n${decimalCheck("CommonJS")}`);
check(sh(process.execPath, ["decimal.cjs"], project).trim() === DECIMAL_EXPECTED, "CommonJS: new Decimal(1) works and the library's Decimals are instances of the exported class");

// One error class across entry points: an error thrown by cs-metrics/sql is a ValidationError of cs-metrics
// in CommonJS and ESM alike (tsup's splitting shares the chunk; without it each .cjs carried its own copy).
writeFileSync(
  join(project, "errors.cjs"),
  `const { ValidationError } = require("cs-metrics");
const { toSql } = require("cs-metrics/sql");
try { toSql("revenueReport", { dialect: "nope" }); } catch (error) { console.log(error instanceof ValidationError); }
`,
);
check(sh(process.execPath, ["errors.cjs"], project).trim() === "true", "CommonJS: an error from cs-metrics/sql is instanceof cs-metrics' ValidationError");
writeFileSync(
  join(project, "errors.mjs"),
  `import { ValidationError } from "cs-metrics";
import { toSql } from "cs-metrics/sql";
try { toSql("revenueReport", { dialect: "nope" }); } catch (error) { console.log(error instanceof ValidationError); }
`,
);
check(sh(process.execPath, ["errors.mjs"], project).trim() === "true", "ESM: an error from cs-metrics/sql is instanceof cs-metrics' ValidationError");

writeFileSync(
  join(project, "deno.ts"),
  `import { nrr, grr, year, revenueMovements, type ContractInput } from "cs-metrics";
import { mrrBridgeChart, VEGA_LITE_SCHEMA } from "cs-metrics/charts";
const contracts: ContractInput[] = ${contracts};
const steps = (mrrBridgeChart(revenueMovements(contracts, year(2025))).data as { values: unknown[] }).values.length;
console.log(nrr(contracts, year(2025))?.toString(), grr(contracts, year(2025))?.toString(), steps, VEGA_LITE_SCHEMA.includes("vega-lite") ? "Vega-Lite" : "?");
`,
);
check(sh(DENO, ["run", "--check", "--allow-read", "--allow-env", "deno.ts"], project).trim() === EXPECTED, "import from Deno, type-checked (node_modules of the scratch project)");

// cs-metrics/slack: Block Kit payloads from ESM and CommonJS, escaped.
const SLACK_ALERT = `[{ kind: "noContact", ruleId: "quiet", customerId: "a<b>", at: "2025-03-01", lastContactAt: "2025-01-01", daysSinceContact: 59 }]`;
const SLACK_EXPECTED = "1 *Customer:* a&lt;b&gt;";
writeFileSync(join(project, "slack.mjs"), `import { alertsToSlack } from "cs-metrics/slack";\nconst messages = alertsToSlack(${SLACK_ALERT});\nconsole.log(messages.length, messages[0].blocks[1].text.text.split("\\n")[0]);\n`);
check(sh(process.execPath, ["slack.mjs"], project).trim() === SLACK_EXPECTED, "import cs-metrics/slack from ESM");
writeFileSync(join(project, "slack.cjs"), `const { alertsToSlack } = require("cs-metrics/slack");\nconst messages = alertsToSlack(${SLACK_ALERT});\nconsole.log(messages.length, messages[0].blocks[1].text.text.split("\\n")[0]);\n`);
check(sh(process.execPath, ["slack.cjs"], project).trim() === SLACK_EXPECTED, "require cs-metrics/slack from CommonJS");

// 3. The command.
const csv = sh(join(project, "node_modules", ".bin", "cs-metrics"), ["report", "--contracts", join(ROOT, "examples", "data", "contracts.csv"), "--period", "2025", "--fiscal-start", "4", "--format", "csv"], project);
check(csv.includes("startingMrr,1620000\n") && csv.includes("endingMrr,1590000\n"), "the cs-metrics command runs from the installed package");

// 4. The review page (cs-metrics/review): vega and vega-lite load only there, lazily.
const installed = join(project, "node_modules", "cs-metrics", "dist");
for (const entry of ["index.js", "index.cjs", "charts.js", "charts.cjs", "sql.js", "sql.cjs", "stripe.js", "stripe.cjs", "slack.js", "slack.cjs", "parquet.js", "parquet.cjs"]) {
  check(!/["']vega(-lite)?["']/.test(readFileSync(join(installed, entry), "utf8")), `dist/${entry} does not import vega (only cs-metrics/review does)`);
}
writeFileSync(
  join(project, "review.mjs"),
  `import { revenueReport, year } from "cs-metrics";
import { reviewHtml } from "cs-metrics/review";
const html = await reviewHtml({ report: revenueReport(${contracts}, year(2025)) }, { lang: "ja" });
console.log(html.includes('<data value="0.99" title="0.99">99.0%</data>') && html.includes("<svg") ? "page" : "?");
`,
);
check(sh(process.execPath, ["review.mjs"], project).trim() === "page", "cs-metrics/review renders a page with its charts from ESM");
writeFileSync(
  join(project, "review.cjs"),
  `const { revenueReport, year } = require("cs-metrics");
const { reviewHtml } = require("cs-metrics/review");
reviewHtml({ report: revenueReport(${contracts}, year(2025)) }).then((html) => console.log(html.startsWith("<!doctype html>") ? "page" : "?"));
`,
);
check(sh(process.execPath, ["review.cjs"], project).trim() === "page", "cs-metrics/review from CommonJS");
const page = join(work, "review.html");
sh(join(project, "node_modules", ".bin", "cs-metrics"), ["report", "--contracts", join(ROOT, "examples", "data", "contracts.csv"), "--period", "2025", "--fiscal-start", "4", "--format", "html", "--output", page, "--quiet"], project);
check(readFileSync(page, "utf8").includes("¥1,800,000"), "cs-metrics report --format html --output writes the page from the installed package");

// 5. Parquet (cs-metrics/parquet): hyparquet, an ES module, loads lazily from ESM and CommonJS alike, and
// the command reads a .parquet file. contracts.parquet's 2025 ending MRR is 1750.49 (test/parquet/contractsFromParquet.test.ts).
const parquetFixture = join(ROOT, "test", "parquet", "fixtures", "contracts.parquet");
const parquetUse = (load) => `${load}
readParquetFile(${JSON.stringify(parquetFixture)}).then(({ records }) => console.log(records.length, records[0].amount, records[1].end));
`;
const PARQUET_EXPECTED = "6 1200.00 2025-06-30T23:30:00.000Z";
writeFileSync(join(project, "parquet.mjs"), parquetUse(`import { readParquetFile } from "cs-metrics/parquet";`));
check(sh(process.execPath, ["parquet.mjs"], project).trim() === PARQUET_EXPECTED, "cs-metrics/parquet reads a Parquet file from ESM");
writeFileSync(join(project, "parquet.cjs"), parquetUse(`const { readParquetFile } = require("cs-metrics/parquet");`));
check(sh(process.execPath, ["parquet.cjs"], project).trim() === PARQUET_EXPECTED, "cs-metrics/parquet reads a Parquet file from CommonJS");
const parquetReport = sh(join(project, "node_modules", ".bin", "cs-metrics"), ["report", "--contracts", parquetFixture, "--period", "2025", "--time-zone", "Asia/Tokyo", "--format", "csv", "--quiet"], project);
check(parquetReport.includes("endingMrr,1750.49\n"), "the cs-metrics command reads --contracts x.parquet from the installed package");

// 6. A large events CSV read in parts on worker threads (dist/events-worker.js, which only the built
// package has: vitest runs the parts in its own thread): the report must be the one-pass report.
const eventsFile = join(work, "events.csv");
const eventLines = ["customerId,userId,at,feature,count"];
for (let n = 0; n < 600_000; n++) eventLines.push(`cus_${String(n % 997).padStart(6, "0")},u${n % 37},2025-12-${String(1 + (n % 31)).padStart(2, "0")},${["reports", "exports", ""][n % 3]},${n % 5 === 0 ? 2 : ""}`);
writeFileSync(eventsFile, `${eventLines.join("\n")}\n`);
const eventsArgs = (threads) => ["report", "--contracts", join(ROOT, "examples", "data", "contracts.csv"), "--events", eventsFile, "--period", "2025", "--format", "json", "--threads", threads];
const cliPath = join(project, "node_modules", ".bin", "cs-metrics");
const [inParts, onePass] = ["2", "1"].map((threads) => spawnSync(cliPath, eventsArgs(threads), { cwd: project, encoding: "utf8", maxBuffer: 1 << 26 }));
const warnings = (run) => run.stderr.split("\n").filter((line) => line.startsWith("cs-metrics: warning"));
check(files.includes("dist/events-worker.js") && !files.some((path) => path.startsWith("dist/events-worker.") && !/\.js(\.map)?$/.test(path)), "the tarball has the CLI's worker thread (dist/events-worker.js) and no other build of it");
check(statSync(eventsFile).size >= 16 * 2 ** 20 && inParts.status === 0 && inParts.stderr.includes("600,000 records read in 2 parts"), "the cs-metrics command reads a 16 MiB events CSV in 2 parts (--threads 2)");
check(inParts.stdout === onePass.stdout && inParts.stdout.length > 0 && warnings(inParts).join() === warnings(onePass).join() && warnings(inParts).length > 0, "its report and warnings (with line numbers) equal the one-pass ones (--threads 1)");

// 7. Types: the tarball under every TypeScript setup, strict, skipLibCheck false (all reported, then checked).
const results = checkConsumerTypes(tarball, work);
for (const result of results) {
  if (!result.ok) console.error(result.output.split("\n").slice(0, 60).join("\n"));
}
for (const result of results) check(result.ok, describeResult(result));

console.log(`check:pack: ${files.length} files, ${(packed.size / 1024).toFixed(0)} kB packed; all checks passed`);
