// The optional sound when a tile enters critical (?sound=1; off by default: a beeping TV in an open-plan
// floor must be a choice). A short two-tone chime from Web Audio, nothing to download. Browsers only
// allow sound after a user gesture; a kiosk browser is started with --autoplay-policy=no-user-gesture-required.

const MIN_GAP_MS = 10_000;

export class Alarm {
  private context: AudioContext | null = null;
  private lastRing = 0;

  constructor() {
    const unlock = () => this.unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
  }

  unlock(): void {
    try {
      this.context ??= new AudioContext();
      void this.context.resume();
    } catch {
      this.context = null;
    }
  }

  ring(): void {
    const now = Date.now();
    if (now - this.lastRing < MIN_GAP_MS) {
      return;
    }
    this.lastRing = now;
    this.unlock();
    const context = this.context;
    if (!context) {
      return;
    }
    document.documentElement.dataset['alarmRang'] = String(now);
    const start = context.currentTime + 0.02;
    for (const [offset, frequency] of [[0, 880], [0.28, 660]] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.27);
    }
  }
}
