import type { HTMLAttributes, KeyboardEvent, MouseEvent } from 'react';

/**
 * Returns table row props that open a record on click or Enter, with the given data attributes. A link
 * inside the row handles its own click.
 */
export function clickableRowProps(open: () => void, attributes: Record<string, string>): HTMLAttributes<HTMLElement> {
  return {
    ...attributes,
    onClick: (event: MouseEvent<HTMLElement>) => {
      if (!(event.target as HTMLElement).closest('a, button')) {
        open();
      }
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.key === 'Enter' && event.target === event.currentTarget) {
        open();
      }
    },
    tabIndex: 0,
  } as HTMLAttributes<HTMLElement>;
}
