import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SPEEDS } from '../../../shared/lessons/lesson-clock';
import type { NarrationSpeed } from '../../../shared/settings';
import type { SpeechVoiceLike } from '../voices/speech-voice';
import type { VoiceKind } from '../voices/voice';
import { ToggleButton } from '../../components/ToggleButton';
import { formatTime } from './format-time';

export interface PlayerControlsProps {
  playing: boolean;
  time: number;
  duration: number;
  /** Where each step starts (seconds): marks on the seek bar. */
  stepStarts: readonly number[];
  stepIndex: number;
  stepCount: number;
  speed: number;
  voiceKind: VoiceKind;
  /** The voices this lesson can use. */
  voiceKinds: readonly VoiceKind[];
  onVoiceKind(kind: VoiceKind): void;
  /** The installed system voices for the lesson's language (shown with the system voice only). */
  systemVoices: readonly SpeechVoiceLike[];
  /** The system voice chosen in settings, by name; null for the language's default. */
  systemVoice: string | null;
  onSystemVoice(name: string | null): void;
  captions: boolean;
  transcript: boolean;
  onPlayPause(): void;
  onPrevious(): void;
  onNext(): void;
  onReplayStep(): void;
  onSeek(seconds: number): void;
  onSpeed(speed: NarrationSpeed): void;
  onCaptions(on: boolean): void;
  /** Absent in presenter mode, whose panel takes the transcript's place. */
  onTranscript?: ((on: boolean) => void) | undefined;
  onClose(): void;
}

/**
 * The lesson's control bar: play/pause, step back and forward, replay the step, a seek bar with a
 * mark where each step starts, speed, the voice (and, for the system voice, which installed one),
 * captions and transcript toggles, and leaving the lesson.
 * Native controls throughout, so each is reachable by keyboard and named for screen readers.
 */
export function PlayerControls(props: PlayerControlsProps) {
  const { t } = useTranslation();
  const marksId = useId();
  const { playing, time, duration, stepStarts, stepIndex, stepCount, speed } = props;
  return (
    <div className="player-controls" role="group" aria-label={t('player.controls')}>
      <button type="button" className="button" onClick={props.onPrevious} disabled={stepIndex === 0 && time < 1} aria-keyshortcuts="ArrowLeft PageUp">
        <span className="button__glyph" aria-hidden="true">
          «
        </span>
        {t('player.previous')}
      </button>
      <button type="button" className="button button--primary player-controls__play" onClick={props.onPlayPause} aria-keyshortcuts="Space">
        <span className="button__glyph" aria-hidden="true">
          {playing ? '❚❚' : '▶'}
        </span>
        {playing ? t('player.pause') : t('player.play')}
      </button>
      <button type="button" className="button" onClick={props.onNext} disabled={stepIndex >= stepCount - 1} aria-keyshortcuts="ArrowRight PageDown">
        {t('player.next')}
        <span className="button__glyph button__glyph--after" aria-hidden="true">
          »
        </span>
      </button>
      <button type="button" className="button" onClick={props.onReplayStep}>
        <span className="button__glyph" aria-hidden="true">
          ↺
        </span>
        {t('player.replayStep')}
      </button>
      <label className="player-controls__seek">
        <span className="visually-hidden">{t('player.seek')}</span>
        <input
          type="range"
          min={0}
          max={Math.max(0.1, duration)}
          step={0.1}
          value={Math.min(time, duration)}
          list={marksId}
          onChange={(event) => props.onSeek(Number(event.target.value))}
          aria-valuetext={t('player.position', { time: formatTime(time), duration: formatTime(duration), step: stepIndex + 1, steps: stepCount })}
        />
        <datalist id={marksId}>
          {stepStarts.map((start, i) => (
            <option key={i} value={start} label={String(i + 1)} />
          ))}
        </datalist>
      </label>
      <span className="player-controls__time" aria-hidden="true">
        {formatTime(time)} / {formatTime(duration)}
      </span>
      <label className="player-controls__speed">
        <span>{t('player.speed')}</span>
        <select
          value={speed}
          onChange={(event) => {
            const chosen = SPEEDS.find((s) => s === Number(event.target.value));
            if (chosen !== undefined) props.onSpeed(chosen);
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('player.speedValue', { speed: s.toLocaleString(undefined, { minimumFractionDigits: 2 }) })}
            </option>
          ))}
        </select>
      </label>
      <label className="player-controls__speed">
        <span>{t('player.voice')}</span>
        <select value={props.voiceKind} onChange={(event) => props.onVoiceKind(event.target.value as VoiceKind)}>
          {props.voiceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`player.voices.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {props.voiceKind === 'speech' && <SystemVoiceSelect voices={props.systemVoices} chosen={props.systemVoice} onChoose={props.onSystemVoice} />}
      <ToggleButton pressed={props.captions} onToggle={props.onCaptions}>
        {t('player.captions')}
      </ToggleButton>
      {props.onTranscript && (
        <ToggleButton pressed={props.transcript} onToggle={props.onTranscript}>
          {t('player.transcript')}
        </ToggleButton>
      )}
      <button type="button" className="button" onClick={props.onClose}>
        {t('player.close')}
      </button>
    </div>
  );
}

/**
 * Which installed system voice reads the lesson: the language's default, or one by name. A voice
 * chosen earlier that is not installed here stays listed, marked as missing (the player says which
 * voice reads instead). The list may fill in after the page loads (`voiceschanged`).
 */
function SystemVoiceSelect({ voices, chosen, onChoose }: { voices: readonly SpeechVoiceLike[]; chosen: string | null; onChoose(name: string | null): void }) {
  const { t } = useTranslation();
  const missing = chosen !== null && !voices.some((voice) => voice.name === chosen);
  return (
    <label className="player-controls__speed">
      <span>{t('player.systemVoice')}</span>
      <select value={chosen ?? ''} onChange={(event) => onChoose(event.target.value === '' ? null : event.target.value)}>
        <option value="">{t('player.systemVoiceDefault')}</option>
        {voices.map((voice) => (
          <option key={`${voice.name}|${voice.lang}`} value={voice.name}>
            {t('player.systemVoiceName', { name: voice.name, lang: voice.lang })}
          </option>
        ))}
        {missing && <option value={chosen}>{voices.length > 0 ? t('player.systemVoiceMissing', { name: chosen }) : chosen}</option>}
      </select>
    </label>
  );
}
