// Era palettes: the colours and type faces every texture and scene of an era is drawn with. 'home' dresses
// the screens that belong to no scenario (title, scenario choice, errors). Plain data, no Phaser.
import type { Era } from '../app/app-types';

export type EraKey = Era | 'home';
export const ERA_KEYS: readonly EraKey[] = ['home', '1942', '1995', '2001'];

export interface Palette {
  era: EraKey;
  /** Backdrop gradient, top to bottom. */
  skyTop: string;
  skyBottom: string;
  /** The quiet tone laid behind the overlay's centre column. */
  hush: string;
  paper: string;
  paperShade: string;
  ink: string;
  /** Faint lines of print, rules and grids on the backdrop. */
  print: string;
  accent: string;
  accentSoft: string;
  tableTop: string;
  tableMid: string;
  tableEdge: string;
  tableGrain: string;
  figure: string;
  /** Rim light behind the silhouettes (it separates them from dark backdrops). */
  figureRim: string;
  stamp: string;
  metal: string;
  yes: string;
  no: string;
  idle: string;
  /** Colour of the current-round marker and other highlights. */
  highlight: string;
  /** Text drawn on the canvas: decorative titles only. */
  displayFont: string;
  bodyFont: string;
  titleColour: string;
  /** How strongly the flags are toned down to the era's print (0 = full colour, 1 = monochrome). */
  flagTone: number;
  flagToneColour: string;
}

const SERIF = 'Georgia, "Times New Roman", "DejaVu Serif", serif';
const TYPEWRITER = '"Courier New", Courier, "Liberation Mono", "DejaVu Sans Mono", monospace';
const BROADCAST = '"Arial Narrow", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

export const PALETTES: Record<EraKey, Palette> = {
  home: {
    era: 'home',
    skyTop: '#26241f',
    skyBottom: '#141311',
    hush: '#1d1c19',
    paper: '#efe6d2',
    paperShade: '#cfc3a6',
    ink: '#2a2620',
    print: '#3a362e',
    accent: '#b8863b',
    accentSoft: '#6f5a36',
    tableTop: '#5a4630',
    tableMid: '#46362a',
    tableEdge: '#2c2119',
    tableGrain: '#6b5540',
    figure: '#0d0c0a',
    figureRim: '#4a4236',
    stamp: '#a2452f',
    metal: '#8d8a82',
    yes: '#7fb069',
    no: '#c8553d',
    idle: '#4d4a43',
    highlight: '#e3b15a',
    displayFont: SERIF,
    bodyFont: SERIF,
    titleColour: '#e9dfc8',
    flagTone: 0.35,
    flagToneColour: '#2a2620',
  },
  '1942': {
    era: '1942',
    skyTop: '#e8dbbd',
    skyBottom: '#bca57c',
    hush: '#e2d3b1',
    paper: '#f1e6cb',
    paperShade: '#d6c39c',
    ink: '#3b2a1a',
    print: '#8a7558',
    accent: '#8b2e1f',
    accentSoft: '#b9876a',
    tableTop: '#7a4d2b',
    tableMid: '#5f3a20',
    tableEdge: '#3d2413',
    tableGrain: '#8e5c36',
    figure: '#2b1d12',
    figureRim: '#a48b66',
    stamp: '#9b2d20',
    metal: '#5c5045',
    yes: '#5f7f3a',
    no: '#9b2d20',
    idle: '#a89676',
    highlight: '#8b2e1f',
    displayFont: SERIF,
    bodyFont: SERIF,
    titleColour: '#2b1d12',
    flagTone: 0.55,
    flagToneColour: '#8a6a45',
  },
  '1995': {
    era: '1995',
    skyTop: '#cfd6de',
    skyBottom: '#8593a5',
    hush: '#c3cbd4',
    paper: '#f4f5f2',
    paperShade: '#d5d8d6',
    ink: '#1f2a36',
    print: '#9aa6b4',
    accent: '#2c5d8f',
    accentSoft: '#7f9dbd',
    tableTop: '#6d7680',
    tableMid: '#58616b',
    tableEdge: '#353c44',
    tableGrain: '#7a838d',
    figure: '#1c2530',
    figureRim: '#b5c1ce',
    stamp: '#2c5d8f',
    metal: '#2a2f35',
    yes: '#3d8b5a',
    no: '#b23a3a',
    idle: '#9aa4af',
    highlight: '#2c5d8f',
    displayFont: TYPEWRITER,
    bodyFont: TYPEWRITER,
    titleColour: '#1f2a36',
    flagTone: 0.25,
    flagToneColour: '#5f6b78',
  },
  '2001': {
    era: '2001',
    skyTop: '#13275a',
    skyBottom: '#060d24',
    hush: '#0d1a3d',
    paper: '#eef1f7',
    paperShade: '#c5ccda',
    ink: '#f2f4f8',
    print: '#2a3f77',
    accent: '#c8102e',
    accentSoft: '#6e1a33',
    tableTop: '#1d2f63',
    tableMid: '#15244d',
    tableEdge: '#0a1430',
    tableGrain: '#2b4386',
    figure: '#03060f',
    figureRim: '#5f7fc8',
    stamp: '#c8102e',
    metal: '#9aa7c4',
    yes: '#3fbf7f',
    no: '#e0344f',
    idle: '#34466f',
    highlight: '#ffcc33',
    displayFont: BROADCAST,
    bodyFont: BROADCAST,
    titleColour: '#ffffff',
    flagTone: 0,
    flagToneColour: '#000000',
  },
};

export function eraOf(era: Era | null | undefined): EraKey {
  return era ?? 'home';
}

/** '#rrggbb' as the 0xrrggbb number Phaser's tints and fills take. */
export function hex(colour: string): number {
  return Number.parseInt(colour.slice(1, 7), 16);
}

/** '#rrggbb' with an alpha, as a CSS colour for canvas drawing. */
export function rgba(colour: string, alpha: number): string {
  const v = hex(colour);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${alpha})`;
}
