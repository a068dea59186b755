/**
 * A small force layout (Fruchterman–Reingold) for the actor network. It starts
 * from a circle in a fixed order and uses no randomness, so the same data
 * always gives the same picture.
 */

export interface Point {
  x: number;
  y: number;
}

/**
 * Positions for `n` nodes joined by weighted `edges` ([from, to, weight]) in a
 * width × height canvas; nodes end at least `gap` apart (plus their `radii`).
 */
export function forceLayout(n: number, edges: [number, number, number][], width: number, height: number, radii: number[] = [], gap = 28, iterations = 300): Point[] {
  const pos: Point[] = Array.from({ length: n }, (_, i) => ({
    x: width / 2 + (Math.cos((2 * Math.PI * i) / n) * width) / 3,
    y: height / 2 + (Math.sin((2 * Math.PI * i) / n) * height) / 3,
  }));
  if (n < 2) return n ? [{ x: width / 2, y: height / 2 }] : [];
  const k = Math.sqrt((width * height) / n) * 0.6;
  const heaviest = Math.max(...edges.map((e) => e[2]), 1);
  for (let it = 0; it < iterations; it++) {
    const temp = (width / 10) * (1 - it / iterations) + 1;
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01 * (i - j);
        const dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 1);
        const f = (k * k) / d;
        disp[i].x += (dx / d) * f;
        disp[i].y += (dy / d) * f;
        disp[j].x -= (dx / d) * f;
        disp[j].y -= (dy / d) * f;
      }
    for (const [a, b, w] of edges) {
      if (a === b) continue;
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 1);
      // heavier edges pull a little harder, so busy dyads sit close
      const f = ((d * d) / k) * (0.5 + w / heaviest / 2);
      disp[a].x -= (dx / d) * f;
      disp[a].y -= (dy / d) * f;
      disp[b].x += (dx / d) * f;
      disp[b].y += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // a weak pull to the centre keeps unconnected groups on the canvas
      disp[i].x += (width / 2 - pos[i].x) * 0.12 * (k / 10);
      disp[i].y += (height / 2 - pos[i].y) * 0.12 * (k / 10);
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 1e-9);
      pos[i].x += (disp[i].x / d) * Math.min(d, temp);
      pos[i].y += (disp[i].y / d) * Math.min(d, temp);
    }
  }
  // fit into the canvas with a margin for labels
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const m = 60;
  const sx = (width - 2 * m) / Math.max(x1 - x0, 1);
  const sy = (height - 2 * m) / Math.max(y1 - y0, 1);
  const out = pos.map((p) => ({ x: m + (p.x - x0) * sx, y: m + (p.y - y0) * sy }));
  return separate(out, radii, gap, width, height, m);
}

/** Pushes overlapping nodes apart (their circles and labels), in canvas units, staying inside the margin. */
function separate(pos: Point[], radii: number[], gap: number, width: number, height: number, m: number): Point[] {
  for (let it = 0; it < 200; it++) {
    let moved = false;
    for (let i = 0; i < pos.length; i++)
      for (let j = i + 1; j < pos.length; j++) {
        const need = (radii[i] ?? 0) + (radii[j] ?? 0) + gap;
        const dx = pos[j].x - pos[i].x || 0.5 * (j - i);
        const dy = pos[j].y - pos[i].y || 0.25;
        const d = Math.hypot(dx, dy);
        if (d >= need) continue;
        const push = (need - d) / 2 / d;
        pos[i].x -= dx * push;
        pos[i].y -= dy * push;
        pos[j].x += dx * push;
        pos[j].y += dy * push;
        moved = true;
      }
    for (const p of pos) {
      p.x = Math.min(width - m, Math.max(m, p.x));
      p.y = Math.min(height - m / 2, Math.max(m / 2, p.y));
    }
    if (!moved) break;
  }
  return pos;
}
