const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in China (Asia/Shanghai), YYYY-MM-DD: at 01:00 in Xining it is already tomorrow in UTC terms. */
export function todayInChina(now: Date = new Date()): string {
  return formatter.format(now);
}
