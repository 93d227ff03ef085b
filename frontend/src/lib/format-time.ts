/** A date and time from the API in the UI language ("2026年11月27日 13:05"); the text as it
 * came when it is not a date. */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
