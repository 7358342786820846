import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { hormoneLevelsAt } from '../../../shared/physiology/hormones';
import { hoursToScrubber, scrubberToHours } from '../../../shared/physiology/life-timeline';
import type { HormoneId, HormoneLevels, Scenario } from '../../../shared/physiology/physiology-types';
import { restingFullnessAt } from '../../../shared/physiology/stages';
import { HORMONE_STYLES } from '../scene/hormone-style';
import { CHART_ORDER, levelBand } from './hormone-glyphs';
import { percent } from './messages';
import { UPlotChart } from './UPlotChart';
import type { ChartColors } from './use-chart-colors';

/** Points per curve, spread evenly over the scrubber (not over hours), so each chart lines up with the slider above. */
const SAMPLES = 241;
const CHART_HEIGHT = 32;

/** Each hormone's relative level at evenly spaced scrubber positions, between feeds. */
function timelineCurves(scenario: Scenario): { positions: number[]; levels: Record<HormoneId, number[]> } {
  const positions: number[] = [];
  const levels = Object.fromEntries(CHART_ORDER.map((id) => [id, [] as number[]])) as Record<HormoneId, number[]>;
  for (let i = 0; i < SAMPLES; i += 1) {
    const position = i / (SAMPLES - 1);
    const hours = scrubberToHours(position, scenario);
    const at = hormoneLevelsAt(hours, scenario, null, restingFullnessAt(hours, scenario));
    positions.push(position);
    for (const id of CHART_ORDER) levels[id].push(at[id]);
  }
  return { positions, levels };
}

/**
 * One small line per hormone across the life timeline, each with a cursor at the scrubber's time,
 * labelled with the hormone's glyph and name and its level now (in words for screen readers).
 */
export function HormoneCharts({ scenario, position, levelsNow, colors }: { scenario: Scenario; position: number; levelsNow: HormoneLevels; colors: ChartColors }) {
  const { t } = useTranslation();
  const curves = useMemo(() => timelineCurves(scenario), [scenario]);
  const birth = hoursToScrubber(0, scenario);
  return (
    <section className="explore__section" aria-labelledby="explore-hormones-title">
      <h3 id="explore-hormones-title" className="explore__subtitle">
        {t('physiologyExplore.charts.title')}
      </h3>
      <p className="explore__hint">{t('physiologyExplore.charts.hint')}</p>
      <ul className="hormone-charts">
        {CHART_ORDER.map((id) => (
          <li key={id} className="hormone-chart">
            <span className="hormone-chart__glyph" style={{ background: HORMONE_STYLES[id].colour, color: HORMONE_STYLES[id].ink }} aria-hidden="true">
              {HORMONE_STYLES[id].glyph}
            </span>
            <span className="hormone-chart__name">{t(`physiology.hormoneShort.${id}`)}</span>
            <MiniChart data={[curves.positions, curves.levels[id]]} position={position} birth={birth} colors={colors} />
            <span className="hormone-chart__value">
              <span aria-hidden="true">{percent(levelsNow[id])}%</span>
              <span className="visually-hidden">{t('physiologyExplore.charts.levelNow', { level: t(`physiologyExplore.levels.${levelBand(levelsNow[id])}`), percent: percent(levelsNow[id]) })}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MiniChart({ data, position, birth, colors }: { data: uPlot.AlignedData; position: number; birth: number; colors: ChartColors }) {
  const chart = useRef<uPlot | null>(null);
  const where = useRef({ position, birth });
  where.current = { position, birth };
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: false },
      cursor: { show: false },
      padding: [3, 4, 3, 4],
      axes: [{ show: false }, { show: false }],
      scales: { x: { time: false, range: [0, 1] }, y: { range: [-0.04, 1.04] } },
      // Thicker in the projector theme (its larger type), so the lines carry across a room.
      series: [{}, { stroke: colors.accent, width: colors.fontPx > 16 ? 3 : 2 }],
      hooks: {
        draw: [
          (u) => {
            const ctx = u.ctx;
            const top = u.bbox.top;
            const bottom = u.bbox.top + u.bbox.height;
            const x = (value: number) => Math.round(u.valToPos(value, 'x', true)) + 0.5;
            ctx.save();
            // Birth, faint and dashed, so pregnancy and lactation read apart.
            ctx.strokeStyle = colors.grid;
            ctx.lineWidth = 1 * devicePixelRatio;
            ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(x(where.current.birth), top);
            ctx.lineTo(x(where.current.birth), bottom);
            ctx.stroke();
            // The scrubber's time: a solid line the full height.
            ctx.setLineDash([]);
            ctx.strokeStyle = colors.text;
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(x(where.current.position), top);
            ctx.lineTo(x(where.current.position), bottom);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    }),
    [colors],
  );
  // The cursor moves without rebuilding the chart: a redraw reads `where`.
  useEffect(() => {
    chart.current?.redraw(false, false);
  }, [position, birth]);
  return (
    <UPlotChart
      className="hormone-chart__plot"
      options={options}
      data={data}
      height={CHART_HEIGHT}
      onChart={(made) => {
        chart.current = made;
      }}
    />
  );
}
