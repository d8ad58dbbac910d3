// Something stopped the app (an invalid scenario file, a save that does not replay): a quiet backdrop
// behind the overlay's explanation, the flags furled to half height.
import type { Frame } from '../layout';
import { DecorScene } from './decor-scene';
import { Delegation } from './pieces';

export class ErrorScene extends DecorScene {
  flags: Delegation[] = [];

  constructor() {
    super('Error');
  }

  protected build(): void {
    this.addBackdrop('home');
    this.flags = [new Delegation(this, 'us', 'home', { flagOnly: true }), new Delegation(this, 'mx', 'home', { flagOnly: true })];
    for (const d of this.flags) d.flag.setAlpha(0.6);
  }

  protected layout(f: Frame): void {
    this.layoutBackdrop(f);
    for (const d of this.flags) {
      d.layout(f);
      d.flag.setY(d.flag.y + f.h * 0.18);
    }
  }

  protected override teardown(): void {
    this.flags = [];
  }
}
