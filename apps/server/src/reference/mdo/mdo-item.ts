import type { MDOListItem } from '@ticket/schema'

type Given = Pick<MDOListItem, 'Id' | 'Name'> & Partial<MDOListItem>

/** An MDO list item with every property present; `FullName` defaults to the name. */
export function mdoItem(given: Given): MDOListItem {
  return {
    ToolTip: '',
    Deleted: false,
    Rank: 0,
    Type: '',
    ChildItems: [],
    IconHint: '',
    ColorBlock: 0,
    ExtraInfo: '',
    StyleHint: '',
    FullName: given.Name,
    ...given,
  }
}

/** `[['a', 1], ['b', 'x']]` → `a=1&b=x`, the ExtraInfo style of SuperOffice's MDO providers. */
export const extraInfo = (pairs: [string, string | number][]) =>
  pairs.map(([key, value]) => `${key}=${value}`).join('&')
