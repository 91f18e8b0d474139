import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let fullCollection: (() => void) | undefined;

/**
 * A full garbage collection now. For long streaming work (a 1,000,000-row export) whose
 * garbage V8 collects late: its live heap stays at about 40 MB, but dead rows promoted to
 * the old generation and the dead 64 kB chunks exceljs hands to zlib waited for a full
 * collection V8 started only past 250 MB of RSS (issue 14, docs/performance-log.md). A
 * smaller young generation (`--max-semi-space-size=4`) also bounded it, but cost every
 * GraphQL request 10–15 % of CPU; this costs only the export, a few milliseconds a call.
 * `gc` is taken from a fresh context after exposing it, so the global object gains nothing.
 */
export function collectGarbage(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

/** Calls `collectGarbage` once every `every` units of work counted with `add`. */
export class GarbagePacer {
  private since = 0;

  constructor(private readonly every: number) {}

  add(units: number): void {
    this.since += units;
    if (this.since < this.every) return;
    this.since = 0;
    collectGarbage();
  }
}
