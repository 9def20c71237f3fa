/**
 * What in an HTML document would make a browser fetch something: a script with
 * src, any src or href to an absolute or protocol-relative URL (another host),
 * @import, or url() that is not a data: URL or a #fragment. An empty list means
 * the page opens with no network request.
 */
export function offlineProblems(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc\s*=/gi)) problems.push(match[0]);
  for (const match of html.matchAll(/\b(?:src|href|xlink:href|srcset|poster|data)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi)) problems.push(match[0]);
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) problems.push(match[0]);
  for (const match of html.matchAll(/@import\b/gi)) problems.push(match[0]);
  for (const match of html.matchAll(/url\(\s*["']?(?!data:|#)([^)"']*)/gi)) problems.push(match[0]);
  return problems;
}
