// Textos en español del modo aula (claves "ui.classroom."); las mismas claves que classroom.en.ts.
import type { Messages } from './en';

export const classroomEs: Messages['ui']['classroom'] = {
  heading: 'Aula',
};
