/** Folds case, diacritics and đ/Đ to d, so that "giay moi" matches "Giấy mời" as the server's search does. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Matches a select option whose label contains the input, compared with `foldText` (an antd `filterOption`). */
export function matchesFoldedLabel(input: string, option: { label?: unknown } | undefined): boolean {
  const label = typeof option?.label === 'string' ? option.label : '';

  return foldText(label).includes(foldText(input));
}
