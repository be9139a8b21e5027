/**
 * Audit entries per day as stacked bars (echarts, SVG renderer, modular imports so only the
 * bar chart is bundled). The chart is an image for assistive technology; the same numbers are
 * offered as a table.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useFormat } from '../../format';
import { AUDIT_KINDS, type DayBucket } from './audit-buckets';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Colours with at least 3:1 contrast against white, told apart by more than hue alone (legend + table). */
const KIND_COLOURS = { change: '#12355b', read: '#2f7d6d', access: '#b4531f' } as const;

export const AuditChart = ({ buckets, partial }: { buckets: DayBucket[]; partial: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const container = useRef<HTMLDivElement>(null);

  const labels = useMemo(() => buckets.map((b) => format.date(b.day)), [buckets, format]);
  const peak = buckets.reduce<DayBucket | null>((best, b) => (best === null || b.total > best.total ? b : best), null);
  const summary =
    buckets.length === 0 || !peak
      ? t('audit.chartEmpty')
      : t('audit.chartSummary', {
          from: labels[0],
          to: labels[labels.length - 1],
          peakDay: format.date(peak.day),
          peak: format.number(peak.total),
        });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = echarts.init(element, null, { renderer: 'svg' });
    const narrow = element.clientWidth < 560;
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: narrow ? 72 : 40, bottom: 56 },
      legend: { top: 0, textStyle: { color: '#1b1f24' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => format.number(Number(v)) },
      xAxis: { type: 'category', data: labels, axisLabel: { color: '#1b1f24', hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1b1f24', formatter: (v: number) => format.number(v) } },
      series: AUDIT_KINDS.map((kind) => ({
        name: t(`audit.kind.${kind}`),
        type: 'bar',
        stack: 'total',
        barMaxWidth: 48,
        itemStyle: { color: KIND_COLOURS[kind] },
        data: buckets.map((b) => b.counts[kind]),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [buckets, labels, format, t]);

  return (
    <figure className="chart-figure" data-testid="audit-chart">
      <div ref={container} className="chart" role="img" aria-label={summary} />
      <figcaption>
        {summary}
        {partial && <> {t('audit.chartPartial')}</>}
      </figcaption>
      {buckets.length > 0 && (
        <details className="chart-table">
          <summary>{t('audit.chartAsTable')}</summary>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('audit.chartTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.day')}</th>
                  {AUDIT_KINDS.map((kind) => (
                    <th scope="col" key={kind} className="numeric">
                      {t(`audit.kind.${kind}`)}
                    </th>
                  ))}
                  <th scope="col" className="numeric">
                    {t('audit.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {buckets
                  .filter((b) => b.total > 0)
                  .map((b) => (
                    <tr key={b.day}>
                      <th scope="row">{format.date(b.day)}</th>
                      {AUDIT_KINDS.map((kind) => (
                        <td key={kind} className="numeric">
                          {format.number(b.counts[kind])}
                        </td>
                      ))}
                      <td className="numeric">{format.number(b.total)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
};

export default AuditChart;
