/**
 * A signal that aborts when the run is cancelled or after `ms`, whichever comes first, with a timer held
 * until `clear()`. (`AbortSignal.any` over `AbortSignal.timeout` can let the timeout signal be collected
 * before it fires on Node 20, leaving a request that never answers waiting forever.)
 */
export function deadline(parent: AbortSignal, ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')),
    ms,
  );
  const onCancel = () => controller.abort(parent.reason);
  if (parent.aborted) onCancel();
  else parent.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onCancel);
    },
  };
}
