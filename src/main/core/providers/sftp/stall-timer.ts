/**
 * Fires when nothing has happened for `ms`. An upload's total time depends on file size and link
 * speed, so a fixed deadline would either cut big files or wait forever on a dead server; what
 * marks a dead server is that it stops acknowledging, so every acknowledgement restarts the wait.
 */
export interface StallTimer {
  /** Something happened: start the wait again. */
  kick(): void;
  stop(): void;
  readonly fired: boolean;
}

export function startStallTimer(ms: number, onStall: () => void): StallTimer {
  let fired = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = true;
      onStall();
    }, ms);
  };
  arm();
  return {
    kick() {
      if (!fired) arm();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
    get fired() {
      return fired;
    },
  };
}
