import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with the plain `N passed, N failed` line that CI reads. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
      if (module.state() === 'failed' && module.children.size === 0) counts.failed++;
    }
    if (counts.skipped > 0 && !process.env.DATABASE_URL) {
      // The remembered-token cache LISTENs on a connection of its own, and the CLI tests open the
      // database from another process: both need a PostgreSQL server, not the in-memory embedded one.
      process.stdout.write(
        `\n${counts.skipped} test(s) skipped: they need a PostgreSQL server. ` +
          'Set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them too.\n',
      );
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
