// Save files in and out of the browser: a download of the current game's envelope, and a file chooser
// whose text goes to the controller (which validates it and refuses a foreign file).
import type { AppController } from '../app/controller';

/** Downloads the game as JSON; returns the file name, or null when there is no game or no download support. */
export function downloadSave(controller: AppController): string | null {
  const save = controller.currentSave();
  if (!save) return null;
  const day = save.savedAt.slice(0, 10);
  const name = `binational-${save.envelope.scenarioId}-${save.seat}-${day}.json`;
  if (typeof URL.createObjectURL !== 'function') return null;
  const url = URL.createObjectURL(new Blob([JSON.stringify(save, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

export function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(file);
  });
}
