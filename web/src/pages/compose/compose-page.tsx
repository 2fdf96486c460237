import { useQuery } from '@tanstack/react-query';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router-dom';

import { ApiError } from '../../api/api-error';
import { fetchDispatch } from '../../api/dispatches';
import { queryKeys } from '../../api/query-keys';
import { PageError } from '../../components/page-error';
import { PageSpinner } from '../../components/page-spinner';
import { dispatchPath } from '../dispatch/dispatch-path';
import { draftListPath } from '../outbox/outbox-search-params';
import { ComposeForm } from './compose-form';
import { composePath } from './compose-path';

interface ComposeLocationState {
  /** Key of the form that created the draft, so that moving to the draft's address keeps that form. */
  formKey?: string;
}

/**
 * Shows Soạn văn bản đi at /compose, or loaded with a saved draft at /compose/:draftId. Every visit starts
 * a new form, except the move to a draft's address after its first Lưu nháp, which keeps what is typed.
 */
export function ComposePage() {
  const { t } = useTranslation();
  const { draftId } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const formKey = (location.state as ComposeLocationState | null)?.formKey ?? location.key;

  // The form owns the values once loaded, so the draft is not refetched while it is open.
  const draft = useQuery({
    queryKey: queryKeys.draft(draftId ?? ''),
    queryFn: ({ signal }) => fetchDispatch(draftId ?? '', signal),
    enabled: draftId !== undefined,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  function adoptDraft(id: string): void {
    const state: ComposeLocationState = { formKey };
    void navigate(composePath(id), { replace: true, state });
  }

  if (draftId === undefined) {
    return <ComposeForm key={formKey} draft={null} onDraftCreated={adoptDraft} />;
  }

  if (draft.isPending) {
    return <PageSpinner />;
  }

  if (draft.isError) {
    // The API returns 400 for an id that is not a UUID, which is just as unknown to the user.
    if (draft.error instanceof ApiError && (draft.error.status === 404 || draft.error.status === 400)) {
      return <Result status="404" title={t('compose.draftNotFound')} extra={<Link to={draftListPath()}>{t('compose.backToDrafts')}</Link>} />;
    }

    return <PageError error={draft.error} onRetry={() => void draft.refetch()} />;
  }

  // A draft that was sent meanwhile is a dispatch now, which only its own page shows.
  if (draft.data.status !== 'draft') {
    return <Navigate to={dispatchPath(draft.data.id)} replace />;
  }

  return <ComposeForm key={formKey} draft={draft.data} onDraftCreated={adoptDraft} />;
}
