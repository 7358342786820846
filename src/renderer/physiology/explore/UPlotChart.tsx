import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * One uPlot chart that fills its container's width. The chart is made again when `options`
 * changes (memoise it: colours, series), given new data when `data` changes, and resized with its
 * container. The canvas is hidden from assistive technology: every chart has its numbers in words
 * beside it.
 */
export function UPlotChart({ options, data, height, className, onChart }: { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData; height: number; className?: string; onChart?: (chart: uPlot | null) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);
  latestData.current = data;
  const latestOnChart = useRef(onChart);
  latestOnChart.current = onChart;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const made = new uPlot({ ...options, width: Math.max(40, element.clientWidth), height }, latestData.current, element);
    chart.current = made;
    latestOnChart.current?.(made);
    const resize = new ResizeObserver(() => {
      const width = Math.max(40, element.clientWidth);
      if (width !== made.width) made.setSize({ width, height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      made.destroy();
      chart.current = null;
      latestOnChart.current?.(null);
    };
  }, [options, height]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div ref={host} className={className} aria-hidden="true" />;
}
