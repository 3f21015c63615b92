// Temporary files to remove when the process is interrupted (SIGINT/SIGTERM): the CLI runs these
// synchronously from its signal handler. A run that ends normally removes or renames its own files.
const tasks = new Set<() => void>();

/** Registers a synchronous cleanup; returns the function that unregisters it. */
export function onInterrupt(task: () => void): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** Runs every registered cleanup once, ignoring their errors. */
export function runInterruptTasks(): void {
  for (const task of [...tasks]) {
    tasks.delete(task);
    try {
      task();
    } catch {
      // best effort: the process is exiting
    }
  }
}
