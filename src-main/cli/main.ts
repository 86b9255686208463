import { resolveDataDir } from '../platform/paths';
import { parseGlobal, UsageError } from './args';
import { demoCommand } from './commands/demo';
import { doctorCommand } from './commands/doctor';
import { INIT_USAGE, initCommand } from './commands/init';
import { USER_USAGE, userCommand } from './commands/user';
import { REQUEST_USAGE, requestCommand } from './commands/request';
import { BILL_USAGE, billCommand } from './commands/bill';
import { RECEIPT_USAGE, receiptCommand } from './commands/receipt';
import { LEDGER_USAGE, ledgerCommand } from './commands/ledger';
import { TERMINAL_USAGE, terminalCommand } from './commands/terminal';
import { BACKUP_USAGE, backupCommand } from './commands/backup';
import { RESTORE_USAGE, restoreCommand } from './commands/restore';
import { TRAINING_USAGE, trainingCommand } from './commands/training';
import { PRINT_USAGE, printCommand } from './commands/print';
import { BANK_USAGE, bankCommand } from './commands/bank';
import { OFFICE_USAGE, officeCommand } from './commands/office';
import { BOOK_USAGE, bookCommand } from './commands/book';
import { OUTAGE_USAGE, outageCommand } from './commands/outage';
import { FIELD_USAGE, fieldCommand } from './commands/field';
import { REPORT_USAGE, reportCommand } from './commands/report';
import { DAY_USAGE, dayCommand } from './commands/day';
import { SYNC_USAGE, syncCommand } from './commands/sync';
import { createPrinter, EXIT, type CommandResult } from './output';
import { defaultCliEnv, type CliEnv } from './runtime';
import { StdinLines } from './stdin';

const USAGE = `ebill [--data-dir DIR] [--json] <command> …

  ${INIT_USAGE}
  demo [--with-paper-books]
  doctor
  ${USER_USAGE}
  ${REQUEST_USAGE}
  ${BILL_USAGE}
  ${RECEIPT_USAGE}
  ${LEDGER_USAGE}
  ${TERMINAL_USAGE}
  ${BACKUP_USAGE}
  ${RESTORE_USAGE}
  ${TRAINING_USAGE}
  ${PRINT_USAGE}
  ${BANK_USAGE}
  ${OFFICE_USAGE}
  ${BOOK_USAGE}
  ${OUTAGE_USAGE}
  ${FIELD_USAGE}
  ${REPORT_USAGE}
  ${DAY_USAGE}
  ${SYNC_USAGE}

Exit codes: 0 ok · 1 internal error · 2 usage · 3 refused. See ../shared/cli.md.`;

type Command = (env: CliEnv, rest: readonly string[], stdin: StdinLines) => Promise<CommandResult>;

const COMMANDS: Readonly<Record<string, Command>> = {
  init: initCommand,
  demo: demoCommand,
  doctor: doctorCommand,
  user: userCommand,
  request: requestCommand,
  bill: billCommand,
  receipt: receiptCommand,
  ledger: ledgerCommand,
  terminal: terminalCommand,
  backup: backupCommand,
  restore: restoreCommand,
  training: trainingCommand,
  print: printCommand,
  bank: bankCommand,
  office: officeCommand,
  book: bookCommand,
  outage: outageCommand,
  field: fieldCommand,
  report: reportCommand,
  day: dayCommand,
  sync: syncCommand,
};

/** Runs one CLI invocation and returns its exit code (tests call this in-process). */
export async function runCli(argv: readonly string[], stdin = new StdinLines(), out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  let json = argv.includes('--json');
  try {
    const global = parseGlobal(argv);
    json = global.json;
    const printer = createPrinter(json, out, err);
    if (global.command === undefined || global.command === 'help') {
      out.write(`${USAGE}\n`);
      return global.command === 'help' ? EXIT.ok : EXIT.usage;
    }
    const command = COMMANDS[global.command];
    if (command === undefined) throw new UsageError(`unknown command "${global.command}"`);
    try {
      return printer.success(await command(defaultCliEnv(resolveDataDir(global.dataDir)), global.rest, stdin));
    } catch (error) {
      return printer.failure(error);
    }
  } catch (error) {
    return createPrinter(json, out, err).failure(error);
  }
}
