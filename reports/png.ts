/** PNG rendering of the panels through chartjs-node-canvas (node-canvas, no browser). */
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartConfiguration } from 'chart.js';
import { chartConfig, errorBarsPlugin } from './chart-config.js';
import type { ChartPanel } from './chart-data.js';

export const PNG_WIDTH = 960;
export const PNG_HEIGHT = 540;

/** A timeline gets taller with more cores so each row stays readable. */
export function pngSize(panel: ChartPanel): { width: number; height: number } {
  if (panel.type === 'timeline' && panel.timeline) return { width: PNG_WIDTH, height: Math.max(PNG_HEIGHT, 160 + 40 * panel.timeline.cores) };
  return { width: PNG_WIDTH, height: PNG_HEIGHT };
}

/** Renders panels to PNG buffers, reusing one canvas per size (creating them is the slow part). */
export class PngRenderer {
  private readonly canvases = new Map<string, ChartJSNodeCanvas>();

  async render(panel: ChartPanel): Promise<Buffer> {
    const { width, height } = pngSize(panel);
    const key = `${width}x${height}`;
    let canvas = this.canvases.get(key);
    if (!canvas) {
      canvas = new ChartJSNodeCanvas({ width, height, backgroundColour: 'white' });
      this.canvases.set(key, canvas);
    }
    const cfg = chartConfig(panel);
    const config = {
      ...cfg,
      options: { ...cfg.options, responsive: false, devicePixelRatio: 1 },
      plugins: [errorBarsPlugin],
    } as unknown as ChartConfiguration;
    return canvas.renderToBuffer(config, 'image/png');
  }
}
