/**
 * Writing HTML safely: every caller string (customer ids, titles, file names) goes through
 * {@link escapeHtml} before it reaches the page, in text and in attribute values alike.
 * @module
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` with `& < > " '` replaced by entities: safe as element text and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** HTML markup that is already escaped (built by {@link element}), as opposed to plain text. */
export interface Markup {
  readonly html: string;
}

/** Content of an element: plain text (escaped when written), markup, or a list of both. */
export type Content = string | Markup | readonly Content[];

/** Markup as is. Only for text this module or vega produced, never for caller strings. */
export function trusted(html: string): Markup {
  return { html };
}

function contentHtml(content: Content): string {
  if (typeof content === "string") return escapeHtml(content);
  if (Array.isArray(content)) return (content as readonly Content[]).map(contentHtml).join("");
  return (content as Markup).html;
}

/** Attribute values; `undefined` leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

function attributesHtml(attributes: Attributes): string {
  let html = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) html += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return html;
}

/** `<tag attributes>content</tag>`, with the content and attribute values escaped. */
export function element(tag: string, attributes: Attributes, ...content: Content[]): Markup {
  return { html: `<${tag}${attributesHtml(attributes)}>${contentHtml(content)}</${tag}>` };
}

/** The full HTML text of a content tree. */
export function renderContent(content: Content): string {
  return contentHtml(content);
}
