export type ProgressListener = (sentBytes: number, totalBytes: number) => void;

export interface Progress {
  add(bytes: number): void;
  /** Reports the total once more if the last report was short of it (empty files send no chunks). */
  finish(): void;
  /** What the listener threw, kept so the upload can end with the app's own error rather than an SFTP one. */
  readonly callbackError: Error | undefined;
}

/** Sums acknowledged bytes over all files and tells the listener; a throwing listener stops the upload. */
export function trackProgress(total: number, listener: ProgressListener | undefined): Progress {
  let sent = 0;
  let reported = -1;
  let callbackError: Error | undefined;
  const report = (): void => {
    if (listener === undefined) return;
    reported = sent;
    try {
      listener(sent, total);
    } catch (error) {
      callbackError = error instanceof Error ? error : new Error(String(error));
      throw callbackError;
    }
  };
  return {
    add(bytes) {
      sent += bytes;
      report();
    },
    finish() {
      if (reported !== total) report();
    },
    get callbackError() {
      return callbackError;
    },
  };
}
