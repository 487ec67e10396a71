const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in China (Asia/Shanghai), YYYY-MM-DD: at 01:00 in Xining it is already tomorrow in UTC terms. */
export function todayInChina(now?: Date): string {
  if (now) return formatter.format(now);
  // Asked for every row a page shows; formatting through Intl costs more than the rest
  // of a row's fields, and the date changes once a day, so it is kept for a second.
  const at = Date.now();
  if (at - cached.at >= 1000) cached = { at, value: formatter.format(new Date(at)) };
  return cached.value;
}

let cached = { at: -Infinity, value: '' };
