import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { requireRole } from '../access/policy.js';
import { Role } from '../../kernel/viewer.js';
import { writeAudited } from '../audit/audited-write.js';
import { forgetCalendar } from './calendar-store.js';
import { scheduleDays } from './holiday-schedule.repository.js';
import { importSchedules } from './schedule-import.js';
import { checkHolidayFile, HolidayFileError, type HolidayFile } from '../../reference-data/holidays.js';
import type { Context } from '../../kernel/context.js';
import { inputError } from '../../kernel/errors.js';

export enum ScheduleImportOutcome {
  ADDED = 'ADDED',
  REPLACED = 'REPLACED',
  UNCHANGED = 'UNCHANGED',
}

registerEnumType(ScheduleImportOutcome, {
  name: 'ScheduleImportOutcome',
  description: '导入结果',
  valuesConfig: {
    ADDED: { description: '新增年度' },
    REPLACED: { description: '替换（更正的通知）' },
    UNCHANGED: { description: '与已有相同，未改动' },
  },
});

@ObjectType({ description: '节假日安排导入结果' })
export class HolidayScheduleImport {
  @Field(() => Int, { description: '年度' })
  year!: number;

  @Field(() => ScheduleImportOutcome, { description: '结果' })
  outcome!: ScheduleImportOutcome;

  @Field(() => Int, { description: '重新计算后改变的公开期限数' })
  deadlinesChanged!: number;

  @Field(() => Int, { description: '重新计算后改变的依申请公开答复期限数' })
  requestDeadlinesChanged!: number;
}

@Resolver()
export class CalendarMutationsResolver {
  @Mutation(() => HolidayScheduleImport, {
    description:
      '导入国务院节假日安排 (ADMIN): one year in the holiday-cn JSON format ({"year", "papers", "days": [{"name", "date", "isOffDay"}]}); ' +
      'adds or replaces the year and recomputes the deadlines it changes, in one transaction',
  })
  async importHolidaySchedule(
    @Ctx() ctx: Context,
    @Arg('file', () => GraphQLJSONObject, { description: '一年的节假日安排 (the format of data/holidays-cn/YYYY.json)' }) file: Record<string, unknown>,
  ): Promise<HolidayScheduleImport> {
    requireRole(ctx.viewer, Role.ADMIN);
    let checked: HolidayFile;
    try {
      checked = checkHolidayFile(file);
    } catch (error) {
      if (!(error instanceof HolidayFileError)) throw error;
      throw inputError(`file.${pathOf(error.message)}`.replace(/\.$/, ''), error.message);
    }
    const result = await writeAudited(ctx, async (tx) => {
      const before = await scheduleDays(tx, checked.year);
      // In this transaction (a savepoint of it): the year, its deadlines and the audit entry commit together.
      const r = await importSchedules(tx, [checked], { replace: true });
      const audit = r.unchanged.includes(checked.year)
        ? []
        : [
            {
              action: 'importHolidaySchedule',
              entity: 'HolidayYear',
              entityKey: String(checked.year),
              before: before.length ? { days: before } : null,
              after: { papers: checked.papers, days: checked.days, deadlinesChanged: r.deadlinesChanged, requestDeadlinesChanged: r.requestDeadlinesChanged },
            },
          ];
      return { result: r, audit };
    });
    // The import forgot this process's calendar before the transaction committed: a read since may have kept the old one.
    forgetCalendar(ctx.em);
    const outcome = result.added.includes(checked.year)
      ? ScheduleImportOutcome.ADDED
      : result.replaced.includes(checked.year)
        ? ScheduleImportOutcome.REPLACED
        : ScheduleImportOutcome.UNCHANGED;
    return { year: checked.year, outcome, deadlinesChanged: result.deadlinesChanged, requestDeadlinesChanged: result.requestDeadlinesChanged };
  }
}

/** The field a schedule check names: `days[3].date`, or a top-level `"year"`. */
function pathOf(message: string): string {
  const day = /^(days\[\d+\](?:\.\w+)?)/.exec(message);
  if (day) return day[1]!;
  const top = /^"(\w+)"/.exec(message);
  return top ? top[1]! : '';
}
