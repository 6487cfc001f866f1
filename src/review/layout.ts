/**
 * The page's building blocks: a titled section, a data table, a chart figure.
 * @module
 */
import { type Content, type Markup, element, trusted } from "./html.js";

/** `<section>` with an `<h2>` heading, labelled by it. */
export function section(id: string, heading: string, ...content: Content[]): Markup {
  return element("section", { id, "aria-labelledby": `${id}-heading` }, element("h2", { id: `${id}-heading` }, heading), ...content);
}

/** A paragraph of explanation. */
export function note(text: Content): Markup {
  return element("p", { class: "note" }, text);
}

/** A table with a caption and column headers; cells right-aligned where `numeric[i]`. */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly Content[])[], numeric: readonly boolean[] = []): Markup {
  const cls = (index: number): string | undefined => (numeric[index] === true ? "num" : undefined);
  return element(
    "div",
    // Focusable so that a keyboard user can scroll a wide table on a phone.
    { class: "scroll", role: "region", "aria-label": caption, tabindex: 0 },
    element(
      "table",
      {},
      element("caption", {}, caption),
      element("thead", {}, element("tr", {}, headers.map((header, index) => element("th", { scope: "col", class: cls(index) }, header)))),
      element("tbody", {}, rows.map((row) => element("tr", {}, row.map((cell, index) => element(index === 0 ? "th" : "td", index === 0 ? { scope: "row", class: cls(index) } : { class: cls(index) }, cell))))),
    ),
  );
}

/** A chart: the SVG as one image with a text alternative, and its caption. */
export function figure(svg: string, caption: string, alt: string): Markup {
  return element("figure", {}, element("div", { class: "chart", role: "img", "aria-label": alt }, trusted(svg)), element("figcaption", {}, caption));
}
