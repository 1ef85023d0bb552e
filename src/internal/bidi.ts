/**
 * A value with its unit ("8 GiB", "20 s") set apart from the sentence around it, for text made
 * as a plain string (a template puts the value in <bdi>). In a right-to-left sentence the space
 * between a number and a Latin unit takes the sentence's direction, so "8 GiB" would show as
 * "GiB 8"; between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE the value keeps its own.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}
