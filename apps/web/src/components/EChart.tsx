import { useEffect, useRef } from 'react';
import { initChart, type ChartOption, type ECharts } from '../lib/echarts';

type Props = { option: ChartOption; height: number; ariaLabel: string; testId?: string };

/** A thin ECharts host: one instance per div, redrawn on option change, resized with its box. */
export function EChart({ option, height, ariaLabel, testId }: Props) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const chart = initChart(host, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={hostRef} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
