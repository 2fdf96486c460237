import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { previewRecipients } from '../../api/dispatches';
import { queryKeys } from '../../api/query-keys';
import { useLanguage } from '../../i18n/use-language';

/** Expands the entered recipients as the server would send to them, and stays idle while the list is empty. */
export function useRecipientPreview(entries: string[]) {
  const language = useLanguage();
  const recipients = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');

  return useQuery({
    queryKey: queryKeys.recipientPreview(recipients, language),
    queryFn: ({ signal }) => previewRecipients(recipients, signal),
    enabled: recipients.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
