// Classroom mode's screens: loaded on demand by the overlay (with the scenario library and the shock
// edits), the first time a class is joined, set up or run.
import '../../styles/classroom.css';

export { consoleScreen } from './console';
export { joinScreen } from './join';
export { classSetupScreen } from './setup';
export { broadcastList, classPausedScreen, connectionText, waitingScreen } from './waiting';
export { classDebriefScreen } from '../class-debrief';
