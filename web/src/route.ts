/**
 * The page's state lives in the address: `#view/arg?param=value`. A view can
 * be linked, reloaded and reached with the back button.
 */

export const VIEWS = ["explorer", "dyad", "network", "map", "try", "doc"] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Route {
  view: ViewName;
  /** The path argument: a document id for `#doc/ID`. */
  arg: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
  const slash = path.indexOf("/");
  const name = slash < 0 ? path : path.slice(0, slash);
  const arg = slash < 0 ? null : decodeURIComponent(path.slice(slash + 1));
  const view = (VIEWS as readonly string[]).includes(name) ? (name as ViewName) : "explorer";
  return { view, arg, params };
}

/** The address of a view with these parameters (empty ones left out). */
export function href(view: ViewName, params: URLSearchParams | Record<string, string | undefined> = {}, arg?: string): string {
  const p = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) if (v !== undefined && v !== "") p.set(k, v);
  const s = p.toString();
  return `#${view}${arg === undefined ? "" : `/${encodeURIComponent(arg)}`}${s ? `?${s}` : ""}`;
}

/** Changes the view's parameters; `replace` keeps the change out of the back button's history and does not re-render. */
export function go(view: ViewName, params: URLSearchParams | Record<string, string | undefined>, options: { replace?: boolean; arg?: string } = {}): void {
  const target = href(view, params, options.arg);
  if (options.replace) history.replaceState(null, "", target);
  else location.hash = target;
}
