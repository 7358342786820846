export { createAudioVoice, type AudioLike, type AudioVoiceOptions, type StepRecording } from './audio-voice';
export { createReadingVoice } from './reading-voice';
export {
  BOUNDARY_TOLERANCE_SECONDS,
  chooseSpeechVoice,
  createSpeechVoice,
  speechVoicesFor,
  VOICE_LIST_WAIT_SECONDS,
  WATCHDOG_GRACE_SECONDS,
  type SpeechEventLike,
  type SpeechSynthesisLike,
  type SpeechVoiceLike,
  type SpeechVoiceOptions,
  type UtteranceLike,
  type VoiceChoice,
} from './speech-voice';
export {
  ProblemListeners,
  VOICE_KINDS,
  type NarrationVoice,
  type VoiceClock,
  type VoiceFallback,
  type VoiceKind,
  type VoiceProblem,
  type VoiceProblemCode,
  type VoiceProblemListener,
} from './voice';
