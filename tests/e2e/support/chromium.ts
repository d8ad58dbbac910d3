// Debian's chromium driven by playwright-core: no browser is ever downloaded. CHROMIUM_PATH overrides the
// binary. The autoplay flag lets audio run without a gesture; the audio-lock test requires a gesture.
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const CHROMIUM_ARGS = [...BASE_ARGS, '--autoplay-policy=no-user-gesture-required'];

/** Chromium's own default can let a headless page start audio; this flag makes the lock explicit. */
export const LOCKED_AUDIO_ARGS = [...BASE_ARGS, '--autoplay-policy=user-gesture-required'];

export interface LaunchOptions {
  /** false: the autoplay lock of a real browser (audio locked until a gesture). Default true. */
  autoplay?: boolean;
  /** Extra flags (e.g. to turn WebGL off). */
  extraArgs?: string[];
}

export function launchChromium(o: LaunchOptions = {}): Promise<Browser> {
  const args = [...(o.autoplay === false ? LOCKED_AUDIO_ARGS : CHROMIUM_ARGS), ...(o.extraArgs ?? [])];
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}
