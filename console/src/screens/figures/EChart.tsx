/**
 * One ECharts chart, drawn as SVG. Only the chart types and components used
 * here are registered, so the figures screen's lazy chunk stays small. The
 * container is an image with a name; the figures themselves are in the table
 * beside each chart (its text alternative).
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Darker than ECharts' defaults, for contrast on white (legend swatches and bars). */
export const PALETTE = ['#0958d9', '#cf1322', '#237804', '#ad6800', '#531dab', '#08979c', '#c41d7f', '#595959'];

export function EChart({ option, label, testId }: { option: ChartOption; label: string; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // No animation: figures are read, not watched (and a screenshot or a reduced-motion user sees the final bars).
    chart.current?.setOption({ color: PALETTE, animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className="fig-chart" role="img" aria-label={label} data-testid={testId} />;
}
