// Calls that arrive in bursts, run at most once per interval: the first at once, the others folded into one at the
// interval's end, so the last change is never lost.

/** work, run at most once every millis; the answer's cancel() drops a run still waiting. */
export function throttled(work, millis) {
  let last = 0;
  let waiting = null;
  function run() {
    waiting = null;
    last = Date.now();
    work().catch(() => {
      // the next event or summary brings the figures again
    });
  }
  const call = () => {
    if (waiting) {
      return;
    }
    waiting = setTimeout(run, Math.max(0, last + millis - Date.now()));
  };
  call.cancel = () => clearTimeout(waiting);
  return call;
}
