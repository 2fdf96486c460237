import { EventEmitter } from 'node:events';

// Job runners in this process listen here, so a job enqueued on this node starts without waiting
// for the next poll. Other nodes still find it at their next poll.
const signal = new EventEmitter();
signal.setMaxListeners(100);

export function signalJobsEnqueued(): void {
  signal.emit('enqueued');
}

export function onJobsEnqueued(listener: () => void): () => void {
  signal.on('enqueued', listener);
  return () => signal.off('enqueued', listener);
}
