/**
 * Where the network's labels go: beside their node, on whichever side crosses
 * the fewest edges, nodes and labels already placed. Plain geometry, no DOM.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A node to label: its centre, its radius, and its label's size. */
export interface LabelNode {
  x: number;
  y: number;
  r: number;
  w: number;
  h: number;
}

/** The label's box (the text sits centred in it); `clear` when it overlaps no other label and stays on the canvas. */
export type Placed = Rect & { clear: boolean };

/** The sides tried, in order of preference: below, above, right, left, then the corners. */
const SIDES: ((n: LabelNode) => Rect)[] = [
  (n) => ({ x: n.x - n.w / 2, y: n.y + n.r + 2, w: n.w, h: n.h }),
  (n) => ({ x: n.x - n.w / 2, y: n.y - n.r - 2 - n.h, w: n.w, h: n.h }),
  (n) => ({ x: n.x + n.r + 4, y: n.y - n.h / 2, w: n.w, h: n.h }),
  (n) => ({ x: n.x - n.r - 4 - n.w, y: n.y - n.h / 2, w: n.w, h: n.h }),
  (n) => ({ x: n.x + n.r * 0.7 + 2, y: n.y + n.r * 0.7, w: n.w, h: n.h }),
  (n) => ({ x: n.x - n.r * 0.7 - 2 - n.w, y: n.y + n.r * 0.7, w: n.w, h: n.h }),
  (n) => ({ x: n.x + n.r * 0.7 + 2, y: n.y - n.r * 0.7 - n.h, w: n.w, h: n.h }),
  (n) => ({ x: n.x - n.r * 0.7 - 2 - n.w, y: n.y - n.r * 0.7 - n.h, w: n.w, h: n.h }),
];

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function circleHits(c: { x: number; y: number; r: number }, b: Rect): boolean {
  const dx = c.x - Math.max(b.x, Math.min(c.x, b.x + b.w));
  const dy = c.y - Math.max(b.y, Math.min(c.y, b.y + b.h));
  return dx * dx + dy * dy < c.r * c.r;
}

/** Whether the segment p→q passes through the box (Liang–Barsky clipping). */
export function segmentHits(p: Point, q: Point, b: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  for (const [num, den] of [
    [p.x - b.x, -dx],
    [b.x + b.w - p.x, dx],
    [p.y - b.y, -dy],
    [b.y + b.h - p.y, dy],
  ]) {
    if (den === 0) {
      if (num < 0) return false;
      continue;
    }
    const t = num / den;
    if (den < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** How many of the lines (polylines) pass through the box. */
export function linesThrough(lines: Point[][], b: Rect): number {
  let n = 0;
  for (const line of lines)
    for (let i = 1; i < line.length; i++)
      if (segmentHits(line[i - 1], line[i], b)) {
        n++;
        break;
      }
  return n;
}

/**
 * A box for each node's label in a `width` × `height` canvas. The bigger
 * nodes choose first; each takes the side with the least in its way: a label
 * over another label or off the canvas costs most, then one over a node, then
 * each edge it crosses. A label that finds no clear side is placed all the
 * same, marked not `clear`, for the caller to leave out.
 */
export function placeLabels(nodes: LabelNode[], lines: Point[][], width: number, height: number): Placed[] {
  const out: Placed[] = new Array(nodes.length);
  const placed: Rect[] = [];
  const order = nodes.map((_, i) => i).sort((a, b) => nodes[b].r - nodes[a].r || a - b);
  for (const i of order) {
    const n = nodes[i];
    let best: Rect | null = null;
    let bestCost = Infinity;
    let clear = false;
    SIDES.forEach((side, k) => {
      const b = side(n);
      let cost = k * 0.01;
      const off = b.x < 0 || b.y < 0 || b.x + b.w > width || b.y + b.h > height;
      if (off) cost += 100;
      const over = placed.filter((p) => overlaps(p, b)).length;
      cost += 50 * over;
      nodes.forEach((m, j) => {
        if (j !== i && circleHits(m, b)) cost += 20;
      });
      cost += 4 * linesThrough(lines, b);
      if (cost < bestCost) [best, bestCost, clear] = [b, cost, !off && over === 0];
    });
    out[i] = { ...best!, clear };
    if (clear) placed.push(best!);
  }
  return out;
}
