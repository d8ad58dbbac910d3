// English texts of the class debrief (keys under "ui.classDebrief."): every table's outcome, the chart,
// the ranking and the exports. class-debrief.es.ts has the same keys.
export const classDebriefEn = {
  heading: 'Class debrief',
} as const;
