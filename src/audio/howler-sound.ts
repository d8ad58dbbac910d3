// The game's sound layer over Howler: a quiet looping music bed per era and short cues for the moves.
//
// Rules it keeps (toolchain notes §3.3 and DESIGN §6):
// - Silence until the player turns sound on (settings.sound starts false): no Howl and no AudioContext
//   exist before that, so a page that never enables sound never touches the audio device.
// - Howler itself is not on the title's critical path: it is a chunk of its own, fetched once the page is
//   idle (or at the first "sound on", whichever comes first), so enabling sound is normally instant.
// - One AudioContext, Howler's (Phaser runs with noAudio). `Howler.autoSuspend = false`, because a context
//   suspended while idle cannot always be resumed from a non-gesture event (the AI's move, a timer).
// - Locked audio (no gesture yet): the context is resumed on the first click, tap or key (Howler's
//   autoUnlock, plus our own resume when the sound toggle itself is the gesture). Effects asked for while
//   the context is locked are dropped, never queued — queued cues would all fire at once on unlock. The
//   music bed, being one loop, simply starts when the context starts running.
// - Volume and on/off are the controller's settings (remembered by it); this class only applies them.
import type { Howl } from 'howler';
import type { Cue, Era, SoundPort } from '../app/app-types';
import { EFFECT_URLS, type EffectName, MUSIC_URLS } from './sound-assets';

type HowlerModule = typeof import('howler');

/** The bed sits well under the effects. */
const MUSIC_LEVEL = 0.32;
const MUSIC_FADE_IN_MS = 1800;
const MUSIC_FADE_OUT_MS = 900;
/** How far the bed dips under a sting, and for how long. */
const DUCK_LEVEL = 0.12;
const DUCK_MS = 1600;
/** Howler is fetched this long after the page's load event, once the browser is idle… */
const PRELOAD_DELAY_MS = 2500;
/** …or at the latest this much later, even if it never goes idle. */
const PRELOAD_TIMEOUT_MS = 4000;

const EFFECT_LEVEL: Record<EffectName, number> = {
  offer: 0.7,
  accept: 0.75,
  reject: 0.8,
  'shock-1942': 0.85,
  'shock-1995': 0.85,
  'shock-2001': 0.85,
  signing: 0.8,
  vote: 0.8,
  click: 0.45,
};

/** What the sound layer is doing, for bug reports and the end-to-end tests. */
export interface SoundStatus {
  enabled: boolean;
  volume: number;
  era: Era | null;
  /** Whether the Howler chunk has arrived. */
  loaded: boolean;
  /** The AudioContext's state, or null when none has been made (sound never turned on). */
  context: AudioContextState | 'interrupted' | null;
  music: { era: Era; playing: boolean } | null;
  /** Cues actually played, oldest first (at most the last 50). */
  played: EffectName[];
  /** Cues dropped because sound was off or the audio was still locked (at most the last 50). */
  dropped: Cue[];
  /** Files that failed to load or play. */
  errors: string[];
}

interface Bed {
  era: Era;
  howl: Howl;
  id: number | null;
}

let howlerChunk: Promise<HowlerModule> | null = null;

/** Fetches the Howler chunk once; every HowlerSound shares it. */
function loadHowler(): Promise<HowlerModule> {
  howlerChunk ??= import('howler').then((m) => {
    m.Howler.autoSuspend = false;
    m.Howler.autoUnlock = true;
    return m;
  });
  return howlerChunk;
}

export class HowlerSound implements SoundPort {
  private h: HowlerModule | null = null;
  private enabled = false;
  private volume = 0.7;
  private era: Era | null = null;
  private effects: Map<EffectName, Howl> | null = null;
  private bed: Bed | null = null;
  private watched: AudioContext | null = null;
  private hidden = false;
  private duckTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly played: EffectName[] = [];
  private readonly dropped: Cue[] = [];
  private readonly errors: string[] = [];
  private readonly onContextChange = () => this.syncMusic();

  constructor(private readonly doc: Document | null = typeof document === 'undefined' ? null : document) {
    this.doc?.addEventListener('visibilitychange', () => {
      this.hidden = this.doc?.visibilityState === 'hidden';
      this.syncMusic();
    });
    const win = this.doc?.defaultView;
    if (win) {
      // Once the page has settled (a little after load, when the title is up), fetch Howler in the
      // background so that "sound on" needs no wait.
      const preload = () => void this.howler().catch(() => undefined);
      const later = () =>
        win.setTimeout(() => (win.requestIdleCallback ? win.requestIdleCallback(preload, { timeout: PRELOAD_TIMEOUT_MS }) : preload()), PRELOAD_DELAY_MS);
      if (this.doc?.readyState === 'complete') later();
      else win.addEventListener('load', later, { once: true });
    }
  }

  setEnabled(on: boolean): void {
    if (on === this.enabled) return;
    this.enabled = on;
    if (!on) {
      if (this.h && this.effects) this.h.Howler.mute(true);
      this.syncMusic();
      return;
    }
    // Normally Howler is already here and this all happens inside the player's gesture.
    if (this.h) this.switchOn(this.h);
    else
      void this.howler().then(
        (h) => {
          if (this.enabled) this.switchOn(h);
        },
        (e) => this.fail(`howler: ${String(e)}`),
      );
  }

  setVolume(v: number): void {
    this.volume = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
    // Before sound is first enabled there is no context to set, and none must be made.
    if (this.h && this.effects) this.h.Howler.volume(this.volume);
  }

  setEra(era: Era | null): void {
    this.era = era;
    this.syncMusic();
  }

  cue(c: Cue): void {
    if (c === 'shock') {
      // A game's opening shocks can be reported in the same call that opens it, before its era is set:
      // pick the sting once that call has finished (a microtask later, inaudibly).
      queueMicrotask(() => this.play(c));
    } else {
      this.play(c);
    }
  }

  status(): SoundStatus {
    const ctx = this.context();
    return {
      enabled: this.enabled,
      volume: this.volume,
      era: this.era,
      loaded: this.h !== null,
      context: ctx ? (ctx.state as SoundStatus['context']) : null,
      music: this.bed ? { era: this.bed.era, playing: this.bed.id !== null && this.bed.howl.playing(this.bed.id) } : null,
      played: [...this.played],
      dropped: [...this.dropped],
      errors: [...this.errors],
    };
  }

  // ——— internals ———

  private async howler(): Promise<HowlerModule> {
    this.h ??= await loadHowler();
    return this.h;
  }

  private context(): AudioContext | null {
    return (this.h?.Howler.ctx as AudioContext | null | undefined) ?? null;
  }

  private unlocked(): boolean {
    return this.context()?.state === 'running';
  }

  private switchOn(h: HowlerModule) {
    this.setUp(h);
    h.Howler.mute(false);
    // When the toggle is itself the gesture, this resume is allowed and unlocks at once.
    const ctx = this.context();
    if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    this.syncMusic();
  }

  /** First enable: the context, the master volume and the effects (small, loaded up front). */
  private setUp(h: HowlerModule) {
    if (!this.effects) {
      h.Howler.volume(this.volume);
      const effects = new Map<EffectName, Howl>();
      for (const [name, url] of Object.entries(EFFECT_URLS) as [EffectName, string][]) {
        effects.set(
          name,
          new h.Howl({
            src: [url],
            format: ['wav'],
            volume: EFFECT_LEVEL[name],
            preload: true,
            onloaderror: (_id, err) => this.fail(`${name}: ${String(err)}`),
            onplayerror: (_id, err) => this.fail(`${name}: ${String(err)}`),
          }),
        );
      }
      this.effects = effects;
    }
    this.watchContext();
  }

  private play(c: Cue) {
    if (!this.enabled || !this.effects || !this.unlocked()) {
      this.remember(this.dropped, c);
      return;
    }
    const name: EffectName = c === 'shock' ? `shock-${this.era ?? '2001'}` : c;
    const howl = this.effects.get(name);
    if (!howl) return;
    howl.play();
    this.remember(this.played, name);
    if (c === 'shock' || c === 'signing' || c === 'vote') this.duck();
  }

  private remember<T>(list: T[], item: T) {
    list.push(item);
    if (list.length > 50) list.shift();
  }

  /** Howler may replace its context once (a sample-rate fix at its first unlock): follow the current one. */
  private watchContext() {
    const ctx = this.context();
    if (ctx === this.watched) return;
    this.watched?.removeEventListener('statechange', this.onContextChange);
    ctx?.addEventListener('statechange', this.onContextChange);
    this.watched = ctx;
  }

  private fail(message: string) {
    this.remember(this.errors, message);
    console.warn(`[sound] ${message}`);
  }

  /** Brings the music bed in line with: enabled, the era, the tab's visibility, the audio lock. */
  private syncMusic() {
    const h = this.h;
    if (!h || !this.effects) return;
    this.watchContext();
    const bed = this.bed;
    if (bed && bed.era !== this.era) {
      this.retire(bed);
      this.bed = null;
    }
    if (!this.bed && this.era && this.enabled) {
      const era = this.era;
      this.bed = {
        era,
        id: null,
        howl: new h.Howl({
          src: [MUSIC_URLS[era]],
          format: ['wav'],
          loop: true,
          volume: 0,
          preload: true,
          onloaderror: (_id, err) => this.fail(`music-${era}: ${String(err)}`),
          onplayerror: (_id, err) => this.fail(`music-${era}: ${String(err)}`),
        }),
      };
    }
    const current = this.bed;
    if (!current) return;
    const audible = this.enabled && !this.hidden && this.unlocked();
    if (audible) {
      if (current.id === null) {
        current.id = current.howl.play();
        current.howl.fade(0, MUSIC_LEVEL, MUSIC_FADE_IN_MS, current.id);
      } else if (!current.howl.playing(current.id)) {
        current.howl.play(current.id);
        current.howl.fade(0, MUSIC_LEVEL, MUSIC_FADE_IN_MS, current.id);
      }
    } else if (current.id !== null && current.howl.playing(current.id)) {
      current.howl.pause(current.id);
    }
  }

  /** Fades a bed out and frees it. */
  private retire(bed: Bed) {
    if (bed.id !== null && bed.howl.playing(bed.id)) {
      const from = bed.howl.volume(bed.id) as number;
      bed.howl.fade(from, 0, MUSIC_FADE_OUT_MS, bed.id);
      setTimeout(() => bed.howl.unload(), MUSIC_FADE_OUT_MS + 50);
    } else {
      bed.howl.unload();
    }
  }

  /** Dips the bed under a sting, then brings it back. */
  private duck() {
    const bed = this.bed;
    if (!bed || bed.id === null || !bed.howl.playing(bed.id)) return;
    const id = bed.id;
    bed.howl.fade(bed.howl.volume(id) as number, DUCK_LEVEL, 120, id);
    if (this.duckTimer) clearTimeout(this.duckTimer);
    this.duckTimer = setTimeout(() => {
      this.duckTimer = null;
      if (this.bed === bed && bed.howl.playing(id)) bed.howl.fade(bed.howl.volume(id) as number, MUSIC_LEVEL, 700, id);
    }, DUCK_MS);
  }
}
