import { useEffect } from 'react';

/** Sets the browser tab title to "<title> · Công Văn" while the calling page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Công Văn` : 'Công Văn';
  }, [title]);
}
