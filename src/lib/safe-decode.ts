/** `decodeURIComponent`, or undefined for text with a malformed escape (`%E0%A4%A`) instead of an exception. */
export function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
