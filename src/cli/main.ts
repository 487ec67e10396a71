import 'reflect-metadata';
import { Command, Option } from 'commander';
import { runCommand } from './run.js';
import type { SeedOptions } from './seed.js';
import type { ReportOptions } from './report.js';
import type { ImportOptions } from './import.js';
import type { TokenCreateOptions } from './token.js';

// Each command's module is loaded when that command runs: `gongkai import` need not load
// the HTTP server, Apollo and the explorer page, which took a fifth of its start-up.

const program = new Command('gongkai')
  .description("公开 Gongkai: one GraphQL graph over Qinghai's public-resource-allocation disclosures")
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Environment:
  DATABASE_URL       PostgreSQL URL; unset: the embedded database under GONGKAI_DATA_DIR
  GONGKAI_DATA_DIR   where the embedded database lives (default ./.gongkai)
  PORT               HTTP port (default 4000)
  HOST               address to listen on (default 127.0.0.1)
  LOG_LEVEL          fatal, error, warn, info (default), debug, trace, silent
  GONGKAI_TOKEN      API token for \`gongkai import\` (instead of --token)`,
  );

program
  .command('serve')
  .description('serve GraphQL on /graphql with /healthz and /readyz')
  .option('--migrate', 'apply pending migrations first')
  .option('--demo', 'load the demo data set into an empty database first')
  .addOption(
    new Option('--workers <n>', 'worker processes sharing the port, one replaced when it dies (default: the number of cores on PostgreSQL, 1 on the embedded database)').env(
      'GONGKAI_WORKERS',
    ),
  )
  .action((opts: { migrate?: boolean; demo?: boolean; workers?: string }) => runCommand(async (ctx) => (await import('./serve.js')).serveCommand(ctx, opts)));

program
  .command('migrate')
  .description('apply pending database migrations (all in one transaction)')
  .addOption(new Option('--status', 'list applied and pending migrations; change nothing'))
  .action((opts: { status?: boolean }) => runCommand(async (ctx) => (await import('./migrate.js')).migrateCommand(ctx, opts)));

program
  .command('seed')
  .description('load the reference data; with --scale, also generate realistic disclosures')
  .option('--scale <n>', 'number of disclosures to generate (with subjects, credit entries, channels, revisions)')
  .option('--seed <s>', 'random seed (default 1): the same seed and --until give the same rows on any machine')
  .option('--until <date>', 'last day of the generated history, YYYY-MM-DD (default: today in China)')
  .action((opts: SeedOptions) => runCommand(async (ctx) => (await import('./seed.js')).seedCommand(ctx, opts)));

const calendar = program
  .command('calendar')
  .description('the working-day calendar: the State Council holiday schedule per year (放假, 调休上班)');

calendar
  .command('import')
  .description('load or replace one year (holiday-cn JSON, as data/holidays-cn/YYYY.json) and recompute the deadlines it changes')
  .argument('<file>', 'schedule file')
  .action((file: string) => runCommand(async (ctx) => (await import('./calendar.js')).calendarImportCommand(ctx, file)));

calendar
  .command('list')
  .description('list the years loaded')
  .action(() => runCommand(async (ctx) => (await import('./calendar.js')).calendarListCommand(ctx)));
const token = program
  .command('token')
  .description('API tokens (Authorization: Bearer): PUBLISHER (one department), SUPERVISOR, ADMIN; no token reads as the public');

token
  .command('create')
  .description('issue a token and print its secret, once')
  .requiredOption('--role <role>', 'PUBLISHER, SUPERVISOR or ADMIN')
  .option('--department <code>', "a PUBLISHER's department code, e.g. QH-FINANCE (required for PUBLISHER)")
  .requiredOption('--name <name>', 'who or what holds it (shown in lists and the audit trail)')
  .option('--expires <date>', 'last day it is valid, YYYY-MM-DD (China time)')
  .option('--days <n>', 'valid for N days from now')
  .action((opts: TokenCreateOptions) => runCommand(async (ctx) => (await import('./token.js')).tokenCreateCommand(ctx, opts)));

token
  .command('list')
  .description('list tokens: id, name, role, department, created, expires, revoked (never a secret)')
  .action(() => runCommand(async (ctx) => (await import('./token.js')).tokenListCommand(ctx)));

token
  .command('revoke')
  .description('revoke a token: refused from then on (kept for the audit trail)')
  .argument('<id>', 'token id, from `gongkai token list`')
  .action((id: string) => runCommand(async (ctx) => (await import('./token.js')).tokenRevokeCommand(ctx, id)));

program
  .command('import')
  .description(
    "import a department's records from an NDJSON or CSV file, all or nothing: every row is checked and every problem listed; " +
      'rows carry the publisher\'s externalId, so the same file again changes nothing and a changed row becomes a revision',
  )
  .argument('<file>', 'records: .ndjson/.jsonl (one PublishDisclosureInput per line) or .csv (one category, a header of field paths)')
  .addOption(new Option('--format <format>', 'ndjson or csv (default: from the file name)'))
  .addOption(new Option('--token <secret>', "the department's PUBLISHER token").env('GONGKAI_TOKEN'))
  .action((file: string, opts: ImportOptions) => runCommand(async (ctx) => (await import('./import.js')).importCommand(ctx, file, opts)));

program
  .command('report')
  .description("write a department's yearly report (年度报告) as a self-contained HTML page")
  .requiredOption('--department <code>', 'department code, e.g. QH-FINANCE (the departments query lists them)')
  .requiredOption('--year <year>', 'the year reported on, from 2018 to this year')
  .option('--out <file>', 'where to write the page (default report-CODE-YEAR.html)')
  .action((opts: ReportOptions) => runCommand(async (ctx) => void (await (await import('./report.js')).reportCommand(ctx, opts))));

await program.parseAsync(process.argv);
