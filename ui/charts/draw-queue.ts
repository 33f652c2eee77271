/**
 * Charts draw in their own tasks, a few milliseconds' worth at a time, instead of all inside the
 * render that handed them new data: a page of nine charts (eighteen series in compare mode) then
 * never blocks the main thread for long, and input and painting get in between the charts.
 * A chart queued again before it drew is drawn once, with its newest data.
 */
type Job = () => void;

const queue = new Map<object, Job>();
/** Draw more charts in the same task while the task is shorter than this. */
const BUDGET_MS = 8;
let scheduled = false;
const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;

function pump(): void {
  scheduled = false;
  const t0 = performance.now();
  for (const [owner, job] of queue) {
    queue.delete(owner);
    try {
      job();
    } catch (err) {
      // Surface it to the page's error boundary without stopping the other charts.
      setTimeout(() => {
        throw err;
      });
    }
    if (performance.now() - t0 > BUDGET_MS) break;
  }
  if (queue.size) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (channel) channel.port2.postMessage(null);
  else setTimeout(pump, 0);
}

if (channel) channel.port1.onmessage = pump;

/** Draw `owner` (a chart) soon, in a task of its own; replaces a draw already queued for it. */
export function queueDraw(owner: object, job: Job): void {
  queue.set(owner, job);
  schedule();
}

/** Forget a queued draw (the chart left the page). */
export function cancelDraw(owner: object): void {
  queue.delete(owner);
}

/** Charts still waiting to draw. */
export function pendingDraws(): number {
  return queue.size;
}
