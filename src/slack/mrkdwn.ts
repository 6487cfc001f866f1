/**
 * Text for Slack's mrkdwn: escaping its control characters and cutting text to a length (internal).
 * @module
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Escapes the three characters Slack parses as control characters in text objects: & → `&amp;`,
 * < → `&lt;`, > → `&gt;` (Slack API docs, "Formatting text for app surfaces": "Escaping text").
 * Only these: Slack asks not to entity-encode anything else.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (character) => ENTITIES[character]!);
}

/**
 * Escaped `text` cut to at most `limit` characters (UTF-16 code units, as Slack counts), ending in "…"
 * when cut; never inside an entity (`&amp;`) or a surrogate pair.
 */
export function escapedWithin(text: string, limit: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= limit) return escaped;
  let cut = limit - 1;
  const entityStart = escaped.lastIndexOf("&", cut - 1);
  if (entityStart >= 0 && escaped.indexOf(";", entityStart) >= cut) cut = entityStart;
  const code = escaped.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${escaped.slice(0, cut)}…`;
}
