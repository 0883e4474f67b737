/** `1 warning`, `3 warnings`: counts in report text. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
