'use strict';
/**
 * The whole bench must end within about ten minutes on a 2-core machine. Each phase gets a share of
 * the budget plus whatever earlier phases left; a phase stops adding runs when the next run (as
 * long as its last one) would overrun its share. Every measurement keeps at least one run, and the
 * report prints how many runs each median is of.
 */
const { performance } = require('node:perf_hooks');

class Budget {
  constructor(totalMs) {
    this.totalMs = totalMs;
    this.started = performance.now();
    this.spentByPhases = 0;
    this.sharesGiven = 0;
  }

  elapsedMs() {
    return performance.now() - this.started;
  }

  /** A phase with `shareMs` of the budget (plus what earlier phases did not use). */
  phase(shareMs) {
    this.sharesGiven += shareMs;
    const deadline = this.started + this.sharesGiven;
    return {
      deadline,
      allows: (nextMs) => performance.now() + nextMs <= deadline,
    };
  }
}

module.exports = { Budget };
