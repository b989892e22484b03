'use strict';
/**
 * A small SVG line chart: log-scale x and y, axes with ticks, one polyline per series, a legend.
 * No plotting library and no browser: plain text.
 */

const WIDTH = 800;
const HEIGHT = 460;
const MARGIN = { left: 78, right: 230, top: 48, bottom: 58 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function logScale(min, max, from, to) {
  const [a, b] = [Math.log10(min), Math.log10(max)];
  return (value) => from + ((Math.log10(value) - a) / (b - a || 1)) * (to - from);
}

function formatMs(value) {
  if (value >= 1000) return `${value / 1000} s`;
  return `${value} ms`;
}

/**
 * @param chart {{ title: string, xLabel: string, yLabel: string, xTicks: number[],
 *   series: { name: string, points: [number, number][], dashed?: boolean }[] }}
 */
function lineChartSvg(chart) {
  const series = chart.series.filter((s) => s.points.some(([, y]) => y > 0));
  const xs = series.flatMap((s) => s.points.map(([x]) => x)).concat(chart.xTicks);
  const ys = series.flatMap((s) => s.points.map(([, y]) => y)).filter((y) => y > 0);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...ys)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys)));
  const plot = { x0: MARGIN.left, x1: WIDTH - MARGIN.right, y0: HEIGHT - MARGIN.bottom, y1: MARGIN.top };
  const x = logScale(xMin, xMax, plot.x0 + 10, plot.x1 - 10);
  const y = logScale(yMin, yMax, plot.y0, plot.y1);
  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${(plot.x0 + plot.x1) / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(chart.title)}</text>`,
  );
  // Grid and y ticks (decades, plus 2 and 5 between them as light lines).
  for (let decade = yMin; decade <= yMax; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const value = decade * m;
      if (value > yMax) break;
      const py = y(value).toFixed(1);
      const major = m === 1;
      out.push(
        `<line x1="${plot.x0}" x2="${plot.x1}" y1="${py}" y2="${py}" stroke="${major ? '#ccc' : '#eee'}"/>`,
      );
      if (major || yMax / yMin <= 100) {
        out.push(
          `<text x="${plot.x0 - 6}" y="${Number(py) + 4}" text-anchor="end">${formatMs(value)}</text>`,
        );
      }
    }
  }
  for (const tick of chart.xTicks) {
    const px = x(tick).toFixed(1);
    out.push(
      `<line x1="${px}" x2="${px}" y1="${plot.y0}" y2="${plot.y1}" stroke="#eee"/>`,
      `<line x1="${px}" x2="${px}" y1="${plot.y0}" y2="${plot.y0 + 5}" stroke="black"/>`,
      `<text x="${px}" y="${plot.y0 + 19}" text-anchor="middle">${tick}</text>`,
    );
  }
  // Axes and labels.
  out.push(
    `<line x1="${plot.x0}" x2="${plot.x1}" y1="${plot.y0}" y2="${plot.y0}" stroke="black"/>`,
    `<line x1="${plot.x0}" x2="${plot.x0}" y1="${plot.y0}" y2="${plot.y1}" stroke="black"/>`,
    `<text x="${(plot.x0 + plot.x1) / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escape(chart.xLabel)}</text>`,
    `<text transform="translate(18 ${(plot.y0 + plot.y1) / 2}) rotate(-90)" text-anchor="middle">${escape(chart.yLabel)}</text>`,
  );
  // Series and legend.
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const points = s.points.filter(([, v]) => v > 0).sort((a, b) => a[0] - b[0]);
    const path = points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`);
    for (const [px, py] of points) {
      out.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3.5" fill="${color}"/>`);
    }
    const ly = plot.y1 + 8 + i * 22;
    const lx = plot.x1 + 16;
    out.push(
      `<line x1="${lx}" x2="${lx + 26}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 32}" y="${ly + 4}">${escape(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

module.exports = { lineChartSvg };
