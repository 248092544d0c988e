// The reliability report's days are the person's days: local midnight, found with Date, which
// knows the computer's zone and its 23- and 25-hour DST days. One definition for the window and
// the diagnostics zip, so both draw the same days.

/** Local midnight of the day holding `time`. */
export function localDayStart(time: number): number {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}
