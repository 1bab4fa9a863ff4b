/**
 * Starts the check worker. An ES module (.mts) because webpack finds the
 * worker's chunk through `new URL(…, import.meta.url)`, which TypeScript
 * allows in ES modules only; the taskpane loads it with import().
 */
export function spawnCheckWorker(): Worker {
  return new Worker(new URL('./check.worker.js', import.meta.url), { name: 'check' });
}
