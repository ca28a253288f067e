/** A header cell as comparable words: lower case, typographic apostrophes folded, numbering dropped ("Телефон 2" -> "телефон"). */
export function headerWords(cell: string): string[] {
  return cell
    .toLowerCase()
    .replace(/[’ʼ`]/g, "'")
    .split(/[^\p{L}']+/u)
    .filter((word) => word.length > 0);
}

/** Whether any word of the header starts with one of the stems. */
export function headerHas(words: readonly string[], stems: readonly string[]): boolean {
  return words.some((word) => stems.some((stem) => word.startsWith(stem)));
}
