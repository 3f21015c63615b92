// Progress on stderr while it is a terminal: a bar with records done, records per second and, when the
// input size is known, percent and ETA. Redrawn at most four times a second; erased when done.
import type { Writable } from 'node:stream';

export interface ProgressSource {
  records(): number;
  /** Bytes read and total bytes, when the input size is known. */
  bytes?(): [number, number];
}

const WIDTH = 24;
const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
};

/** The progress line at this moment (exported for tests). */
export function progressLine(records: number, elapsedSeconds: number, bytes?: [number, number]): string {
  const rate = elapsedSeconds > 0 ? records / elapsedSeconds : 0;
  const parts = [`${records.toLocaleString('en-US')} records`, `${Math.round(rate).toLocaleString('en-US')}/s`];
  if (bytes && bytes[1] > 0) {
    const fraction = Math.min(1, bytes[0] / bytes[1]);
    const filled = Math.round(fraction * WIDTH);
    const eta = fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : undefined;
    return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${parts.join('  ')}${eta === undefined ? '' : `  ETA ${clock(eta)}`}`;
  }
  return parts.join('  ');
}

/** Starts drawing on `stream` when it is a terminal; returns the function that stops and erases it. */
export function startProgress(stream: Writable & { isTTY?: boolean }, source: ProgressSource): () => void {
  if (!stream.isTTY) return () => {};
  const started = performance.now();
  const draw = () => {
    const line = progressLine(source.records(), (performance.now() - started) / 1000, source.bytes?.());
    stream.write(`\r\x1b[K${line}`);
  };
  const timer = setInterval(draw, 250);
  timer.unref();
  return () => {
    clearInterval(timer);
    stream.write('\r\x1b[K');
  };
}
