/**
 * The guides keep their shape (definition, formula, worked example, pitfalls), the glossary names the
 * Japanese terms users search for, and the README keeps its two set-up commands and its 日本語 section.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

describe("guides", () => {
  it.each(["docs/revenue.md", "docs/lost-revenue.md", "docs/health.md", "docs/periods.md", "docs/money.md", "docs/stripe.md"])(
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
    for (const guide of ["revenue", "lost-revenue", "health", "periods", "money", "glossary", "charts", "cli", "stripe"]) {
      expect(readme, guide).toContain(`(docs/${guide}.md)`);
    }
  });
});
