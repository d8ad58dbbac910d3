// The screens of a game, from the scenario list to the debrief. They read the scenarios, the AI's
// personas and the engine's live evaluation, which the title screen does not need, so the overlay loads
// them on demand (a dynamic import, alongside the controller's game module).
export { briefingScreen } from './screens/briefing';
export { debriefScreen } from './screens/debrief';
export { interludeScreen } from './screens/interlude';
export { pauseScreen } from './screens/pause';
export { ratificationScreen } from './screens/ratification';
export { selectScreen } from './screens/select';
export { signingScreen } from './screens/signing';
export { tableScreen } from './table/table';
