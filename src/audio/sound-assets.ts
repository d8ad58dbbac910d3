// Where each generated sound lives once built. The files are made by assets/tools/generate-audio.ts
// (`npm run audio`) and imported here so Vite hashes and ships them (and the PWA precaches them).
import type { Era } from '../app/app-types';
import accept from '../../assets/audio/accept.wav?url';
import click from '../../assets/audio/click.wav?url';
import music1942 from '../../assets/audio/music-1942.wav?url';
import music1995 from '../../assets/audio/music-1995.wav?url';
import music2001 from '../../assets/audio/music-2001.wav?url';
import offer from '../../assets/audio/offer.wav?url';
import reject from '../../assets/audio/reject.wav?url';
import shock1942 from '../../assets/audio/shock-1942.wav?url';
import shock1995 from '../../assets/audio/shock-1995.wav?url';
import shock2001 from '../../assets/audio/shock-2001.wav?url';
import signing from '../../assets/audio/signing.wav?url';
import vote from '../../assets/audio/vote.wav?url';

/** One looping music bed per era. */
export const MUSIC_URLS: Record<Era, string> = {
  '1942': music1942,
  '1995': music1995,
  '2001': music2001,
};

export type EffectName = 'offer' | 'accept' | 'reject' | 'shock-1942' | 'shock-1995' | 'shock-2001' | 'signing' | 'vote' | 'click';

export const EFFECT_URLS: Record<EffectName, string> = {
  offer,
  accept,
  reject,
  'shock-1942': shock1942,
  'shock-1995': shock1995,
  'shock-2001': shock2001,
  signing,
  vote,
  click,
};
