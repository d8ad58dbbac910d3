// The first scene: nothing to load from the network (all art is painted in the preloader), so it only
// sets the canvas colour and hands over to the preloader.
import Phaser from 'phaser';
import { hex, PALETTES } from '../palette';

export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: 'Boot' });
  }

  create(): void {
    this.cameras.main.setBackgroundColor(hex(PALETTES.home.skyBottom));
    this.scene.start('Preloader');
  }
}
