/**
 * The only way the page makes DOM: elements by name, text by `textContent`
 * (text nodes). Nothing the server sends is ever parsed as HTML, so a stored
 * article holding `<script>` shows as those characters.
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

function fill(el: Element, attrs: Attrs, children: Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(name.replace(/^on/, ""), value as EventListener);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: `h("a", { href: "#doc/x" }, "the text")`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  fill(el, attrs, children);
  return el;
}

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element, same shape as `h`. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  fill(el, attrs, children);
  return el;
}

/** Replaces everything inside `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  fill(el, {}, children);
}

/** A number for reading: grouped thousands, fixed decimals, and no "-0.0" for a mean a hair below zero. */
export const fmt = (n: number, digits = 0) => (Number(n.toFixed(digits)) || 0).toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
