/**
 * What the dyad, network and map views share: drawing at the width the page
 * gives (so text stays at its size from a phone to a wide screen), a tip with
 * the counts under the pointer or the keyboard's focus, and Enter as a click.
 */
import { h } from "./dom.js";

/** Below this change of width a chart is scaled, not drawn again (a scroll bar coming and going must not redraw it in a loop). */
const REDRAW_PX = 24;

/**
 * Draws `draw(width)` into `box` at the box's width, and again when that width
 * changes (a window resized, a phone turned); stops once the box has left the page.
 */
export function drawToWidth(box: HTMLElement, draw: (width: number) => Element): void {
  let drawn = -1;
  const paint = () => {
    const w = Math.floor(box.clientWidth) || 640;
    if (drawn > 0 && Math.abs(w - drawn) < REDRAW_PX) return;
    drawn = w;
    box.replaceChildren(draw(w));
  };
  paint();
  const watch = new ResizeObserver(() => {
    if (!box.isConnected) watch.disconnect();
    else requestAnimationFrame(paint);
  });
  watch.observe(box);
}

export interface Tip {
  /** Shows `text()` while the pointer is over `el` or `el` has the focus. */
  bind(el: Element, text: () => string): void;
  hide(): void;
}

/** A tip inside `host` (positioned), kept within it so it never widens the page. */
export function hoverTip(host: HTMLElement): Tip {
  const tip = h("div", { class: "chart-tip", "aria-hidden": "true", hidden: true });
  host.append(tip);
  const show = (text: string, clientX: number, clientY: number) => {
    tip.textContent = text;
    tip.hidden = false;
    const box = host.getBoundingClientRect();
    const x = clientX - box.left + 12;
    const y = clientY - box.top + 14;
    const left = Math.max(4, Math.min(x, host.clientWidth - tip.offsetWidth - 4));
    const top = y + tip.offsetHeight > host.clientHeight - 4 ? Math.max(4, y - tip.offsetHeight - 24) : y;
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };
  return {
    bind(el, text) {
      el.addEventListener("pointerenter", (e) => show(text(), (e as PointerEvent).clientX, (e as PointerEvent).clientY));
      el.addEventListener("pointermove", (e) => show(text(), (e as PointerEvent).clientX, (e as PointerEvent).clientY));
      el.addEventListener("pointerleave", hide);
      el.addEventListener("focus", () => {
        const r = el.getBoundingClientRect();
        show(text(), r.left + r.width / 2, r.top + r.height / 2);
      });
      el.addEventListener("blur", hide);
    },
    hide,
  };
}

/** Makes an SVG mark a control: reachable by Tab, `act` on a click or on Enter. */
export function activate(el: Element, label: string, act: () => void): void {
  el.setAttribute("tabindex", "0");
  el.setAttribute("role", "link");
  el.setAttribute("aria-label", label);
  el.addEventListener("click", act);
  el.addEventListener("keydown", (e) => {
    if ((e as KeyboardEvent).key === "Enter") {
      e.preventDefault();
      act();
    }
  });
}
