// Test doubles for the app controller's ports: an in-memory save store and a silent sound port that
// records the cues it was asked to play. Shared by the controller, overlay and canvas tests.
import type { Cue, SaveStore, Settings, SoundPort } from '../../src/app/app-types';

export class MemoryStore implements SaveStore {
  saved: unknown = null;
  settings: unknown = null;
  async load() {
    return this.saved;
  }
  async save(s: unknown) {
    this.saved = JSON.parse(JSON.stringify(s));
  }
  async clear() {
    this.saved = null;
  }
  async loadSettings() {
    return this.settings;
  }
  async saveSettings(s: Settings) {
    this.settings = s;
  }
}

export class SilentSound implements SoundPort {
  cues: Cue[] = [];
  setEnabled() {}
  setVolume() {}
  setEra() {}
  cue(c: Cue) {
    this.cues.push(c);
  }
}
