// The classroom's addresses in the page's fragment: "#/join" or "#/join/CODE" (a student's link),
// "#/class/new" (set up a class), "#/console/ID/SECRET" (the instructor's secret link; the secret is then
// kept for the tab only and dropped from the address) and "#/class" (a seat this browser holds). The
// fragment follows the classroom screen on show, so a reload comes back to it; the secret never returns.
import type { AppState } from './app-types';
import type { AppController } from './controller';

export type Route =
  | { kind: 'join'; code: string }
  | { kind: 'class-new' }
  | { kind: 'console'; classId: string; secret: string | null }
  /** Anything else: back to the seat this browser holds, if it holds one. */
  | { kind: 'seat' };

export function parseFragment(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [head, a, b] = parts;
  if (head === 'join') return { kind: 'join', code: a ?? '' };
  if (head === 'class' && a === 'new') return { kind: 'class-new' };
  if (head === 'console' && a) return { kind: 'console', classId: a, secret: b || null };
  return { kind: 'seat' };
}

/** The fragment for the classroom screen on show ('' outside classroom mode); never the secret. */
export function fragmentOf(s: AppState): string {
  const c = s.classroom;
  if (c.joined) return '#/class';
  if (c.console && ['console', 'class-debrief', 'lab'].includes(s.screen)) return `#/console/${encodeURIComponent(c.console.classId)}`;
  if (s.screen === 'join') return c.joinCode ? `#/join/${encodeURIComponent(c.joinCode)}` : '#/join';
  if (s.screen === 'class-setup') return '#/class/new';
  return '';
}

/**
 * Opens what a route names. `forget` replaces the address without the secret before the console opens
 * (so it stays in neither the address bar nor the history).
 */
export async function openRoute(controller: AppController, route: Route, forget: (fragment: string) => void): Promise<void> {
  switch (route.kind) {
    case 'join':
      controller.openJoin(route.code);
      return;
    case 'class-new':
      await controller.openClassSetup();
      return;
    case 'console':
      if (route.secret) {
        forget(`#/console/${encodeURIComponent(route.classId)}`);
        await controller.openConsole(route.classId, route.secret);
      } else if (!(await controller.resumeConsole(route.classId))) controller.consoleWithoutSecret();
      return;
    default:
      await controller.resumeSeat();
  }
}
