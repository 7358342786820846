import { useTranslation } from 'react-i18next';
import { hoursToScrubber, landmarkHours, scenarioLandmarks } from '../../../shared/physiology/life-timeline';
import type { LandmarkId, Scenario } from '../../../shared/physiology/physiology-types';
import { SCENARIO_CHOICES, type ScenarioChoice } from './explore-snapshot';
import { lifeTimeMessage, scrubberValueText, stageMessage, type TimeWords } from './life-time-text';
import { useSay } from './use-say';

/** Slider steps across the whole timeline: fine enough to land on any day of the first weeks. */
export const SCRUBBER_STEPS = 1000;

export function scenarioLabelKey(choice: ScenarioChoice): string {
  return choice === 'retained-placenta' ? 'physiologyExplore.scenarios.retained-placenta' : `physiology.scenarios.${choice}`;
}

/** The scenario, the life-timeline scrubber with its landmarks, and the stage it is at. */
export function TimelineSection({
  choice,
  scenario,
  position,
  words,
  stage,
  onScenario,
  onScrub,
  onLandmark,
}: {
  choice: ScenarioChoice;
  scenario: Scenario;
  position: number;
  words: TimeWords;
  stage: Parameters<typeof stageMessage>[0];
  onScenario(choice: ScenarioChoice): void;
  onScrub(position: number): void;
  onLandmark(id: LandmarkId): void;
}) {
  const { t } = useTranslation();
  const speak = useSay();
  const landmarks = scenarioLandmarks(scenario);
  return (
    <section className="explore__section" aria-labelledby="explore-timeline-title">
      <fieldset className="explore__scenarios">
        <legend className="explore__subtitle">{t('physiologyExplore.scenario.legend')}</legend>
        {SCENARIO_CHOICES.map((option) => (
          <label key={option} className="explore__radio">
            <input type="radio" name="physiology-scenario" value={option} checked={option === choice} onChange={() => onScenario(option)} />
            {t(scenarioLabelKey(option))}
          </label>
        ))}
      </fieldset>
      <h3 id="explore-timeline-title" className="explore__subtitle">
        {t('physiologyExplore.scrubber.title')}
      </h3>
      <p className="explore__now">
        <span className="explore__now-time">{speak.say(lifeTimeMessage(words))}</span>
        <span className="explore__now-stage">{speak.say(stageMessage(stage))}</span>
      </p>
      <div className="explore__scrubber">
        <input
          type="range"
          min={0}
          max={SCRUBBER_STEPS}
          step={1}
          value={Math.round(position * SCRUBBER_STEPS)}
          aria-label={t('physiologyExplore.scrubber.label')}
          aria-valuetext={speak.say(scrubberValueText(words, stage))}
          onChange={(event) => onScrub(Number(event.target.value) / SCRUBBER_STEPS)}
        />
        <div className="explore__ticks" aria-hidden="true">
          {landmarks.map((id) => (
            <span key={id} className="explore__tick" style={{ left: `${hoursToScrubber(landmarkHours(id, scenario), scenario) * 100}%` }} />
          ))}
        </div>
      </div>
      <label className="explore__field explore__landmarks">
        <span>{t('physiologyExplore.scrubber.jump')}</span>
        <select
          value=""
          onChange={(event) => {
            const id = landmarks.find((landmark) => landmark === event.target.value);
            if (id) onLandmark(id);
          }}
        >
          <option value="" disabled>
            {t('physiologyExplore.scrubber.choose')}
          </option>
          {landmarks.map((id) => (
            <option key={id} value={id}>
              {t(`physiology.landmarks.${id}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
