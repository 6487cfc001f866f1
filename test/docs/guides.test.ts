/**
 * The guides keep their shape (definition, formula, worked example, pitfalls), the glossary names the
 * Japanese terms users search for, and the README keeps its two set-up commands and its 日本語 section and
 * links only by absolute URLs (it is also the npm page).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");
/** package.json's repository: README links to its files as `${REPOSITORY_FILES}docs/revenue.md`. */
const REPOSITORY_FILES = "https://github.com/cs-metrics/cs-metrics/blob/main/";

describe("guides", () => {
  it.each(["docs/revenue.md", "docs/unit-economics.md", "docs/lost-revenue.md", "docs/health.md", "docs/usage-events.md", "docs/periods.md", "docs/money.md", "docs/stripe.md", "docs/exports-to-review.md"])(
    "%s has a definition, a formula, a worked example and pitfalls",
    (path) => {
      const headings = read(path)
        .split("\n")
        .filter((line) => line.startsWith("## "))
        .map((line) => line.toLowerCase());
      for (const part of ["definition", "formula", "worked example", "pitfalls"]) {
        expect(headings.some((heading) => heading.includes(part)), `${path}: a "## …${part}…" section`).toBe(true);
      }
    },
  );

  it("the glossary maps the Japanese KPI names", () => {
    const glossary = read("docs/glossary.md");
    for (const term of ["売上継続率", "解約率", "継続率", "逸失金額", "展開率", "活用率", "契約拡大率", "見込み継続率", "ネットチャーンレート"]) {
      expect(glossary, term).toContain(term);
    }
  });

  it("the README keeps its set-up commands, links every guide and has a 日本語 section", () => {
    const readme = read("README.md");
    expect(readme).toContain("npm ci && npm run build && npm run example\n");
    expect(readme).toContain("npm ci && npm test\n");
    expect(readme).toContain("## 日本語");
    for (const guide of ["revenue", "unit-economics", "lost-revenue", "health", "renewals-and-segments", "usage-events", "periods", "money", "glossary", "charts", "cli", "stripe", "cs-loop", "exports-to-review", "parquet"]) {
      expect(readme, guide).toContain(`(${REPOSITORY_FILES}docs/${guide}.md)`);
    }
  });

  // The README is also the npm page, where a relative link leads nowhere (docs/ is not in the tarball).
  it("the README's links are absolute and those into the repository name files that exist", () => {
    const links = [...read("README.md").matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(links.filter((link) => !/^(https?:|mailto:)/.test(link))).toEqual([]);
    const files = links.filter((link) => link.startsWith(REPOSITORY_FILES)).map((link) => link.slice(REPOSITORY_FILES.length).split("#")[0]!);
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });
});
