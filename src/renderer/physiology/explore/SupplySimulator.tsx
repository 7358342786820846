import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type uPlot from 'uplot';
import { simulateSupply, type SupplyRun } from '../../../shared/physiology/supply-demand';
import { explainSupplyChange, type SupplyChangedField } from '../../../shared/physiology/supply-explain';
import { BREAST_OFFERS, PUMP_SIDES, clampSupplyInputs, shortestPossibleNightGap, type SupplyInputs } from '../../../shared/physiology/supply-inputs';
import type { Message } from './messages';
import { SUPPLY_SLIDERS, dayTotalMessage, fromDisplayed, noteMessage, summaryMessage, supplyExplanationMessage, toDisplayed, type SupplySlider } from './supply-text';
import { UPlotChart } from './UPlotChart';
import type { ChartColors } from './use-chart-colors';
import { useSay } from './use-say';

type RawInputs = Readonly<Record<string, unknown>>;

/**
 * The supply-and-demand simulator: sliders (with a typed value beside each) for how milk is
 * removed, live plots of each breast over days, the day-by-day totals in words, and a visible note
 * whenever a value had to be brought into range. Every change is explained on the view's
 * explanation line (`onExplain`).
 */
export function SupplySimulator({ colors, initial, onExplain }: { colors: ChartColors; initial?: unknown; onExplain(message: Message): void }) {
  const { t } = useTranslation();
  const speak = useSay();
  const [raw, setRaw] = useState<RawInputs>(() => (typeof initial === 'object' && initial !== null ? (initial as RawInputs) : {}));
  const { inputs, notes } = useMemo(() => clampSupplyInputs(raw), [raw]);
  const run = useMemo(() => simulateSupply(inputs), [inputs]);
  const runNow = useRef<SupplyRun>(run);
  runNow.current = run;

  const change = (field: SupplyChangedField, value: unknown): void => {
    const next = { ...raw, [field]: value };
    const after = simulateSupply(clampSupplyInputs(next).inputs);
    onExplain(supplyExplanationMessage(explainSupplyChange(runNow.current, after, field)));
    setRaw(next);
  };

  return (
    <div className="supply">
      <fieldset className="supply__controls">
        <legend className="explore__subtitle">{t('physiologyExplore.supply.settings')}</legend>
        {SUPPLY_SLIDERS.map((slider) => (
          <SupplySliderRow key={slider.field} slider={slider} inputs={inputs} typed={raw[slider.field]} onChange={(value) => change(slider.field, value)} />
        ))}
        <label className="explore__field">
          <span>{t('physiologyExplore.supply.fields.offer')}</span>
          <select value={inputs.offer} onChange={(event) => change('offer', event.target.value)}>
            {BREAST_OFFERS.map((offer) => (
              <option key={offer} value={offer}>
                {t(`physiologyExplore.supply.offer.${offer}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="explore__field">
          <span>{t('physiologyExplore.supply.fields.pumpSide')}</span>
          <select value={inputs.pumpSide} onChange={(event) => change('pumpSide', event.target.value)}>
            {PUMP_SIDES.map((side) => (
              <option key={side} value={side}>
                {t(`physiologyExplore.supply.pumpSide.${side}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {notes.length > 0 && (
        <ul className="explore__notes" aria-label={t('physiologyExplore.supply.notesLabel')}>
          {notes.map((note) => (
            <li key={`${note.field}:${String(note.reason)}`}>
              <span className="explore__note-glyph" aria-hidden="true">
                !
              </span>
              {speak.say(noteMessage(note))}
            </li>
          ))}
        </ul>
      )}
      <p className="supply__summary">{speak.say(summaryMessage(run))}</p>
      <SideLegend />
      <SupplyPlots run={run} colors={colors} />
      <details className="supply__days">
        <summary>{t('physiologyExplore.supply.dayByDay')}</summary>
        <ol>
          {run.days.map((day) => (
            <li key={day.day}>{speak.say(dayTotalMessage(day))}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}

function SupplySliderRow({ slider, inputs, typed, onChange }: { slider: SupplySlider; inputs: SupplyInputs; typed: unknown; onChange(value: number | string): void }) {
  const { t } = useTranslation();
  const value = inputs[slider.field];
  // The longest gap cannot be shorter than the even spacing of the feeds: the slider starts there.
  const min = slider.field === 'longestNightGapHours' ? Math.max(slider.limit.min, Math.ceil(shortestPossibleNightGap(inputs.feedsPerDay) / slider.step) * slider.step) : slider.limit.min;
  const shown = toDisplayed(slider, value);
  const label = t(`physiologyExplore.supply.fields.${slider.field}`);
  const valueText = t(`physiologyExplore.supply.valueText.${slider.field}`, { value: shown });
  // A typed value stays as typed (so the note can say what was given); otherwise the box shows what is used.
  const typedShown = typeof typed === 'number' && Number.isFinite(typed) ? toDisplayed(slider, typed) : typeof typed === 'string' ? typed : shown;
  return (
    <div className="supply__slider">
      <span className="supply__slider-head">
        <label className="supply__slider-label" htmlFor={`supply-${slider.field}`}>
          {label}
        </label>
        <span className="supply__slider-value" aria-hidden="true">
          {valueText}
        </span>
      </span>
      <input
        id={`supply-${slider.field}`}
        type="range"
        min={toDisplayed(slider, min)}
        max={toDisplayed(slider, slider.limit.max)}
        step={slider.display === 'percent' ? 1 : slider.step}
        value={shown}
        aria-valuetext={valueText}
        onChange={(event) => onChange(fromDisplayed(slider, Number(event.target.value)))}
      />
      <input
        className="supply__typed"
        type="number"
        aria-label={t('physiologyExplore.supply.typed', { field: label })}
        value={typedShown}
        step="any"
        onChange={(event) => {
          const text = event.target.value;
          const number = Number(text);
          onChange(text.trim() !== '' && Number.isFinite(number) ? fromDisplayed(slider, number) : text);
        }}
      />
    </div>
  );
}

/** Left and right differ by line style, not only colour: the legend draws both styles. */
function SideLegend() {
  const { t } = useTranslation();
  return (
    <p className="supply__legend">
      <span>
        <svg className="supply__legend-line" viewBox="0 0 32 8" aria-hidden="true">
          <line x1="0" y1="4" x2="32" y2="4" className="supply__legend-left" />
        </svg>
        {t('physiologyExplore.supply.legend.left')}
      </span>
      <span>
        <svg className="supply__legend-line" viewBox="0 0 32 8" aria-hidden="true">
          <line x1="0" y1="4" x2="32" y2="4" className="supply__legend-right" />
        </svg>
        {t('physiologyExplore.supply.legend.right')}
      </span>
    </p>
  );
}

const PLOT_HEIGHT = 118;
/** Dash of the right breast's line, CSS pixels. */
const RIGHT_DASH = [7, 5];

function SupplyPlots({ run, colors }: { run: SupplyRun; colors: ChartColors }) {
  const { t } = useTranslation();
  const options = useMemo(() => {
    const font = `${Math.round(colors.fontPx * 0.75)}px ${getComputedStyle(document.documentElement).fontFamily}`;
    // The figure captions name each plot and its unit, so the axes carry only numbers (and "day").
    const axis: uPlot.Axis = { stroke: colors.muted, font, size: Math.round(colors.fontPx * 2.6), grid: { stroke: colors.grid, width: 1 }, ticks: { stroke: colors.grid, width: 1 } };
    const make = (min: number | null): Omit<uPlot.Options, 'width' | 'height'> => ({
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: min === null ? {} : { range: (_u, _lo, hi) => [min, Math.max(hi, 1) * 1.05] } },
      axes: [{ ...axis, label: t('physiologyExplore.supply.plots.day'), labelFont: font, labelSize: Math.round(colors.fontPx * 1.2), size: Math.round(colors.fontPx * 1.6) }, axis],
      series: [{}, { stroke: colors.accent, width: 2.5 }, { stroke: colors.text, width: 2, dash: RIGHT_DASH }],
    });
    return {
      synthesis: make(0),
      fullness: { ...make(0), scales: { x: { time: false }, y: { range: [0, 100] as uPlot.Range.MinMax } } },
      production: make(0),
    };
  }, [colors, t]);
  const data = useMemo(() => {
    const days = run.timeDays;
    const [left, right] = run.breasts;
    const percentOf = (values: number[]) => values.map((v) => Math.round(v * 1000) / 10);
    return {
      synthesis: [days, left.synthesisMlPerHour, right.synthesisMlPerHour] as uPlot.AlignedData,
      fullness: [days, percentOf(left.fullness), percentOf(right.fullness)] as uPlot.AlignedData,
      production: [run.days.map((d) => d.day + 1), run.days.map((d) => d.producedMl[0]), run.days.map((d) => d.producedMl[1])] as uPlot.AlignedData,
    };
  }, [run]);
  return (
    <div className="supply__plots">
      <figure className="explore__figure">
        <figcaption>{t('physiologyExplore.supply.plots.synthesis')}</figcaption>
        <UPlotChart options={options.synthesis} data={data.synthesis} height={PLOT_HEIGHT} />
      </figure>
      <figure className="explore__figure">
        <figcaption>{t('physiologyExplore.supply.plots.fullness')}</figcaption>
        <UPlotChart options={options.fullness} data={data.fullness} height={PLOT_HEIGHT} />
      </figure>
      <figure className="explore__figure">
        <figcaption>{t('physiologyExplore.supply.plots.production')}</figcaption>
        <UPlotChart options={options.production} data={data.production} height={PLOT_HEIGHT} />
      </figure>
    </div>
  );
}
