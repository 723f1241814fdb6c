// A wake-up signal for the worker loop: wait(ms) resolves after ms or on notify(), whichever
// comes first. A notify() while nobody waits is remembered, so no wake-up is lost.

export class WakeSignal {
  private pending = false;
  private resolve: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  notify(): void {
    if (this.resolve) this.finish();
    else this.pending = true;
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(() => this.finish(), ms);
    });
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    const resolve = this.resolve;
    this.resolve = null;
    this.timer = null;
    resolve?.();
  }
}
