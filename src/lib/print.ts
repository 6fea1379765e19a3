/**
 * The running header of printed pages: CSS paged-media margin boxes whose text is the
 * yearbook's name and the page's title. The text comes from data, so it is written as a CSS
 * string that cannot end the string, the rule or the <style> element.
 *
 * @example
 *   runningHeaderCss('Yearbook', 'Anyang, 2022')
 *   // '@page{@top-left{content:"Yearbook"}@top-right{content:"Anyang, 2022"}}'
 */
export function runningHeaderCss(left: string, right: string, page = ''): string {
  return `@page${page ? ` ${page}` : ''}{@top-left{content:${cssString(left)}}@top-right{content:${cssString(right)}}}`;
}

/** A CSS string literal: quotes and backslashes escaped, "<" and line breaks as hex escapes. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/\r\n|[\n\r\f]/g, '\\a ')}"`;
}
