/**
 * The lesson's clock: lesson time in seconds, driven only by an injected time source and explicit
 * calls. It owns no timer: the player calls `time()` on every animation frame and draws
 * `stateAt(timeline, clock.time())`. While a recording plays, the voice corrects the clock with
 * `sync` (the audio's position is the master); the speech voice holds it with `hold` while the
 * synthesiser has not caught up. Every other change (play, pause, seek, speed, steps) increments
 * `revision`, which tells a voice that it must start again from the clock's time.
 *
 * Lesson time runs at `speed` seconds per second of the time source while playing; it stops at
 * the end of the lesson (the clock pauses itself there).
 */

export const MIN_SPEED = 0.75;
export const MAX_SPEED = 1.5;
/** The speeds offered in settings. */
export const SPEEDS = [0.75, 1, 1.25, 1.5] as const;

/** What the clock needs of a timeline (a `Timeline` from timeline.ts has both). */
export interface ClockTimeline {
  duration: number;
  /** When each step starts, ascending, the first at 0. */
  stepStarts: readonly number[];
}

export interface LessonClockOptions {
  /** Seconds from any fixed origin, never going backwards (e.g. `() => performance.now() / 1000`). */
  now: () => number;
  timeline: ClockTimeline;
  /** Where to start, e.g. the learner's saved position (default 0). */
  startAt?: number;
  /** Default 1; kept within MIN_SPEED–MAX_SPEED. */
  speed?: number;
}

export class LessonClock {
  private readonly now: () => number;
  private timeline: ClockTimeline;
  /** Lesson time at `anchorNow`. */
  private anchorTime: number;
  private anchorNow: number;
  private playingNow = false;
  private speedNow: number;
  private holdAt: number | null = null;
  private revisionNow = 0;

  constructor(options: LessonClockOptions) {
    this.now = options.now;
    this.timeline = options.timeline;
    this.speedNow = clampSpeed(options.speed ?? 1);
    this.anchorTime = this.clamp(options.startAt ?? 0);
    this.anchorNow = this.now();
  }

  /** Lesson seconds now. Reaching the end pauses the clock. */
  time(): number {
    if (!this.playingNow) return this.anchorTime;
    const now = this.now();
    let t = this.anchorTime + Math.max(0, now - this.anchorNow) * this.speedNow;
    if (this.holdAt !== null && t > this.holdAt) {
      t = Math.max(this.anchorTime, this.holdAt);
      this.anchorTime = t;
      this.anchorNow = now;
    }
    if (t >= this.timeline.duration) {
      this.anchorTime = this.timeline.duration;
      this.anchorNow = now;
      this.playingNow = false;
      this.holdAt = null;
      this.revisionNow += 1;
      return this.anchorTime;
    }
    return t;
  }

  get playing(): boolean {
    this.time();
    return this.playingNow;
  }

  get speed(): number {
    return this.speedNow;
  }

  get duration(): number {
    return this.timeline.duration;
  }

  /** Incremented by every change a voice must follow: play, pause, seek, speed, steps, a new timeline, reaching the end. */
  get revision(): number {
    return this.revisionNow;
  }

  /** True at the end of the lesson. */
  get ended(): boolean {
    return this.time() >= this.timeline.duration;
  }

  /** Plays from where the clock is; at the end, from the start. */
  play(): void {
    if (this.playing) return;
    const t = this.time();
    this.anchorTime = t >= this.timeline.duration ? 0 : t;
    this.anchorNow = this.now();
    this.playingNow = true;
    this.revisionNow += 1;
  }

  pause(): void {
    if (!this.playingNow) return;
    this.setAnchor(this.time());
    this.playingNow = false;
    this.holdAt = null;
    this.revisionNow += 1;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Moves to lesson time t (kept within the lesson), playing or not as before. */
  seek(t: number): void {
    this.setAnchor(this.clamp(t));
    this.holdAt = null;
    this.revisionNow += 1;
  }

  /** Changes speed without a jump in time. Returns the speed set (kept within MIN_SPEED–MAX_SPEED). */
  setSpeed(speed: number): number {
    const next = clampSpeed(speed);
    if (next === this.speedNow) return next;
    this.setAnchor(this.time());
    this.speedNow = next;
    this.revisionNow += 1;
    return next;
  }

  /** The step playing now: position in the timeline's steps. */
  stepIndex(): number {
    return stepAtTime(this.timeline.stepStarts, this.time());
  }

  /** Goes to the start of step i (kept within the lesson). */
  goToStep(i: number): void {
    const starts = this.timeline.stepStarts;
    if (starts.length === 0) return this.seek(0);
    const index = Math.min(Math.max(0, Math.trunc(i)), starts.length - 1);
    this.seek(starts[index] ?? 0);
  }

  /** The start of the next step; from the last step, the end of the lesson. */
  stepForward(): void {
    const next = this.stepIndex() + 1;
    if (next >= this.timeline.stepStarts.length) this.seek(this.timeline.duration);
    else this.goToStep(next);
  }

  /** The start of the previous step (the first step's start from the first step). */
  stepBack(): void {
    this.goToStep(this.stepIndex() - 1);
  }

  /** The start of the current step. */
  replayStep(): void {
    this.goToStep(this.stepIndex());
  }

  /**
   * Sets the time from a voice that owns it (the audio's position): no revision, so the voice is
   * not asked to start again. A hold below t is lifted.
   */
  sync(t: number): void {
    const time = this.clamp(t);
    this.setAnchor(time);
    if (this.holdAt !== null && this.holdAt < time) this.holdAt = null;
  }

  /** Keeps time from running past `t` (a voice waiting for its synthesiser); null lets it run again. */
  hold(t: number | null): void {
    if (t === null) {
      // Resume from where it stopped, without a jump.
      if (this.holdAt !== null) this.setAnchor(this.time());
      this.holdAt = null;
      return;
    }
    this.setAnchor(this.time());
    this.holdAt = this.clamp(t);
  }

  /** The point time is held at, or null. */
  get heldAt(): number | null {
    return this.holdAt;
  }

  /** Moves onto another timeline of the same lesson (after a voice fell back), at time t on it. */
  setTimeline(timeline: ClockTimeline, t: number): void {
    this.timeline = timeline;
    this.seek(t);
  }

  private setAnchor(t: number): void {
    this.anchorTime = t;
    this.anchorNow = this.now();
  }

  private clamp(t: number): number {
    if (Number.isNaN(t)) return 0;
    return Math.min(Math.max(0, t), this.timeline.duration);
  }
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

/** The last step started at or before t. */
export function stepAtTime(stepStarts: readonly number[], t: number): number {
  let index = 0;
  for (let i = 0; i < stepStarts.length; i++) if ((stepStarts[i] as number) <= t) index = i;
  return index;
}
