// English texts of classroom mode (keys under "ui.classroom."): joining, the waiting room, the seat's table
// extras, the instructor's set-up and console. classroom.es.ts has the same keys.
export const classroomEn = {
  heading: 'Classroom',
} as const;
