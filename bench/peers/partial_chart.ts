/**
 * The partial-values chart: cost of a whole stream against the answer's size, log-log, one
 * line per library (`results/partial.svg`).
 *
 * @module
 */

/** One library's line: milliseconds per stream at each size. */
export interface Line {
  /** Legend. */
  name: string;
  /** Stroke colour. */
  color: string;
  /** [size in KB, ms] points, in size order. */
  points: Array<[number, number]>;
}

const WIDTH = 760;
const HEIGHT = 420;
const LEFT = 70;
const RIGHT = 180;
const TOP = 40;
const BOTTOM = 50;

/**
 * An SVG line chart on log-log axes.
 *
 * @param title The chart's title.
 * @param lines The lines.
 * @returns SVG text.
 */
export function lineChart(title: string, lines: Line[]): string {
  const xs = lines.flatMap((l) => l.points.map((p) => p[0]));
  const ys = lines.flatMap((l) => l.points.map((p) => p[1]));
  const [x0, x1] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const [y0, y1] = [
    Math.floor(Math.log10(Math.min(...ys))),
    Math.ceil(Math.log10(Math.max(...ys))),
  ];
  const px = (kb: number) => LEFT + (Math.log10(kb) - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
  const py = (ms: number) =>
    HEIGHT - BOTTOM -
    (Math.log10(ms) - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
  const parts: string[] = [];
  for (let e = y0; e <= y1; e++) {
    const y = py(10 ** e).toFixed(1);
    parts.push(
      `<line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${LEFT - 6}" y="${y}" text-anchor="end" dy="4">${milliseconds(10 ** e)}</text>`,
    );
  }
  for (const kb of [...new Set(xs)]) {
    const x = px(kb).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${TOP}" x2="${x}" y2="${HEIGHT - BOTTOM}" stroke="#eee"/>`,
      `<text x="${x}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${kb} KB</text>`,
    );
  }
  for (const line of lines) {
    const path = line.points.map(([kb, ms]) => `${px(kb).toFixed(1)},${py(ms).toFixed(1)}`);
    parts.push(
      `<polyline points="${path.join(" ")}" fill="none" stroke="${line.color}" stroke-width="2"/>`,
      ...line.points.map(([kb, ms]) =>
        `<circle cx="${px(kb).toFixed(1)}" cy="${py(ms).toFixed(1)}" r="3" fill="${line.color}"/>`
      ),
    );
    const [kb, ms] = line.points[line.points.length - 1];
    parts.push(
      `<text x="${px(kb) + 8}" y="${py(ms) + 4}" fill="${line.color}">${line.name} ${
        milliseconds(ms)
      }</text>`,
    );
  }
  parts.push(
    `<text x="${(LEFT + WIDTH - RIGHT) / 2}" y="${
      HEIGHT - 12
    }" text-anchor="middle">answer size (~30-character deltas)</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">\n` +
    `<text x="8" y="18" font-size="13">${title}</text>\n${parts.join("\n")}\n</svg>\n`;
}

function milliseconds(ms: number): string {
  return ms >= 1000
    ? `${(ms / 1000).toPrecision(3)} s`
    : ms >= 1
    ? `${ms.toPrecision(3)} ms`
    : `${(ms * 1000).toPrecision(3)} µs`;
}
