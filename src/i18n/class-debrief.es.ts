// Textos en español del balance de la clase (claves "ui.classDebrief."); las mismas claves que class-debrief.en.ts.
import type { Messages } from './en';

export const classDebriefEs: Messages['ui']['classDebrief'] = {
  heading: 'Balance de la clase',
};
