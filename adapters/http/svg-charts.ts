/**
 * Bar charts as SVG, drawn on the server for the desk page: no chart script in the browser, and
 * the same picture in every browser and in a test. Every text is escaped; the chart has a title
 * and a description for screen readers, and each bar its value as a tooltip.
 */

export interface BarSeries {
  name: string;
  /** CSS colour. */
  colour: string;
  values: readonly number[];
}

export interface BarChartOptions {
  /** Read out as the chart's name. */
  title: string;
  /** Read out after the title (what the chart shows, in words). */
  description: string;
  /** One label per group on the x axis. */
  labels: readonly string[];
  series: readonly BarSeries[];
  /** Default 640 × 260. */
  width?: number;
  height?: number;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A rounded-up axis maximum with 4 even steps (1, 2, 5 × 10ⁿ). */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const step = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(step));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= step) ?? step;
  return nice * 4;
}

let chartCount = 0;

/** Grouped vertical bars (one group per label, one bar per series) with a legend. */
export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 260;
  const id = `chart${++chartCount}`;
  const left = 40;
  const right = 10;
  const top = 28;
  const bottom = 48;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(0, ...options.series.flatMap((s) => s.values)));
  const groups = Math.max(1, options.labels.length);
  const groupW = plotW / groups;
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, options.series.length));
  const y = (v: number): number => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="100%" aria-labelledby="${id}-t ${id}-d" class="chart">`,
    `<title id="${id}-t">${escapeXml(options.title)}</title>`,
    `<desc id="${id}-d">${escapeXml(options.description)}</desc>`,
  );
  for (let i = 0; i <= 4; i++) {
    const v = (max / 4) * i;
    const yy = y(v).toFixed(1);
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${yy}" y2="${yy}" stroke="#d0d4d9" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${yy}" dy="4" text-anchor="end" font-size="11" fill="#333">${Number.isInteger(v) ? v : v.toFixed(1)}</text>`);
  }
  options.labels.forEach((label, g) => {
    const x0 = left + g * groupW + groupW * 0.1;
    options.series.forEach((s, k) => {
      const v = s.values[g] ?? 0;
      const h = (v / max) * plotH;
      parts.push(
        `<rect class="bar" x="${(x0 + k * barW).toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${escapeXml(s.colour)}" data-value="${v}"><title>${escapeXml(`${s.name}, ${label}: ${v}`)}</title></rect>`,
      );
    });
    const every = Math.ceil(groups / 12);
    if (g % every === 0) {
      const short = label.length > 16 ? `${label.slice(0, 15)}…` : label;
      parts.push(`<text x="${(left + g * groupW + groupW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="11" fill="#333">${escapeXml(short)}</text>`);
    }
  });
  let lx = left;
  for (const s of options.series) {
    parts.push(`<rect x="${lx}" y="6" width="12" height="12" fill="${escapeXml(s.colour)}"/>`);
    parts.push(`<text x="${lx + 16}" y="16" font-size="12" fill="#222">${escapeXml(s.name)}</text>`);
    lx += 24 + s.name.length * 7;
  }
  parts.push('</svg>');
  return parts.join('');
}
