import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceKind } from '../voices/voice';
import { formatTime } from './format-time';

export const SPEEDS = [0.75, 1, 1.25, 1.5] as const;

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
  captions: boolean;
  transcript: boolean;
  onPlayPause(): void;
  onPrevious(): void;
  onNext(): void;
  onReplayStep(): void;
  onSeek(seconds: number): void;
  onSpeed(speed: number): void;
  onCaptions(on: boolean): void;
  onTranscript(on: boolean): void;
  onClose(): void;
}

/**
 * The lesson's control bar: play/pause, step back and forward, replay the step, a seek bar with a
 * mark where each step starts, speed, captions and transcript toggles, and leaving the lesson.
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
        <select value={speed} onChange={(event) => props.onSpeed(Number(event.target.value))}>
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
      <button type="button" className="button" aria-pressed={props.captions} onClick={() => props.onCaptions(!props.captions)}>
        <span className="button__glyph" aria-hidden="true">
          {props.captions ? '◉' : '○'}
        </span>
        {t('player.captions')}
      </button>
      <button type="button" className="button" aria-pressed={props.transcript} onClick={() => props.onTranscript(!props.transcript)}>
        <span className="button__glyph" aria-hidden="true">
          {props.transcript ? '◉' : '○'}
        </span>
        {t('player.transcript')}
      </button>
      <button type="button" className="button" onClick={props.onClose}>
        {t('player.close')}
      </button>
    </div>
  );
}
