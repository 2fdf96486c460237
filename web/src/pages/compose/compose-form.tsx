import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Flex, Form, Row, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import type { AnalyzedDocument, DispatchDetail, SentDispatch } from '../../api/dispatch-types';
import { analyzeDocument, dispatchFileUrl, sendDispatch, sendDraft } from '../../api/dispatches';
import { queryKeys } from '../../api/query-keys';
import { formatNumberNotation } from '../../format/number-notation';
import { usePageTitle } from '../../layout/use-page-title';
import { dispatchPath } from '../dispatch/dispatch-path';
import { AttachmentSection } from './attachment-section';
import { ComposeSummary } from './compose-summary';
import { initialComposeValues, mainFileOf, newDispatchOf, type ComposeField, type ComposeValues } from './compose-values';
import { DeleteDraftButton } from './delete-draft-button';
import { DocumentSection } from './document-section';
import { storeDraft } from './draft-requests';
import { composeValuesOfDraft, savedFileValues } from './draft-values';
import { MetadataSection } from './metadata-section';
import { countUncertain, recognitionMarks, recognizableFields, valuesFromAnalysis, type RecognitionMarks } from './recognition';
import { RecipientPreview } from './recipient-preview';
import { RecipientSection } from './recipient-section';
import { sendFailureOf, type SendFailure } from './send-error';
import { SendProgress } from './send-progress';
import { useRecipientPreview } from './use-recipient-preview';

type Stage = 'edit' | 'confirm' | 'sending';
type Banner = Extract<SendFailure, { kind: 'banner' }>;

const stageIndex: Record<Stage, number> = { edit: 0, confirm: 1, sending: 2 };

// The server rejects any other main document (rule main-document-type), whatever the file is called.
const mainDocumentTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
];

interface ComposeFormProps {
  /** The saved draft the form edits, or null for a document not saved yet. */
  draft: DispatchDetail | null;
  /** Called once the first Lưu nháp has created a draft of the form's document. */
  onDraftCreated: (id: string) => void;
}

/**
 * Shows Soạn văn bản đi: upload the signed document, check the details read from it, pick recipients and
 * see who they expand to, confirm, and send. A rejected send returns to the form with the error at the
 * field the server names, or in a banner that names the sending rule. Lưu nháp keeps an incomplete form
 * as a draft, and sending a draft saves the form over it first.
 */
export function ComposeForm({ draft, onDraftCreated }: ComposeFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<ComposeValues>();
  const [stage, setStage] = useState<Stage>('edit');
  const [confirmed, setConfirmed] = useState<ComposeValues | null>(null);
  const [marks, setMarks] = useState<RecognitionMarks>({});
  const [banner, setBanner] = useState<Banner | null>(null);
  const [focusField, setFocusField] = useState<ComposeField | null>(null);
  const [uploaded, setUploaded] = useState(0);
  const [initialValues] = useState(() => (draft ? composeValuesOfDraft(draft, (file) => dispatchFileUrl(draft.id, file.position)) : initialComposeValues));
  usePageTitle(draft ? t('compose.draftTitle') : t('compose.title'));

  const recipients = Form.useWatch('recipients', form) ?? [];
  const preview = useRecipientPreview(recipients);
  const analysis = useMutation({ mutationFn: (file: File) => analyzeDocument(file) });

  const send = useMutation({
    mutationFn: async (values: ComposeValues) => {
      if (!draft) {
        return sendDispatch(newDispatchOf(values), { onProgress: setUploaded });
      }

      applySavedDraft(await storeDraft(draft, values, { onProgress: setUploaded }));

      return sendDraft(draft.id);
    },
    onSuccess: (sent) => finishSend(sent),
    onError: (error) => showFailure(sendFailureOf(error, t)),
  });

  const save = useMutation({
    mutationFn: (values: ComposeValues) => storeDraft(draft, values, {}),
    onSuccess: (saved) => finishSave(saved),
    onError: (error) => showFailure(sendFailureOf(error, t, t('compose.draftErrorTitle'))),
  });

  const analyzedFile = analysis.variables;
  const documentProblem =
    analysis.data && analyzedFile && !mainDocumentTypes.includes(analysis.data.detectedType)
      ? t('compose.documentNotMain', { filename: analyzedFile.name })
      : null;
  const previewError = preview.isError ? preview.error : null;

  // The document field's validator reads the latest analysis, so it runs again once that has rendered.
  useEffect(() => {
    if (mainFileOf(form.getFieldsValue(['document']))) {
      void form.validateFields(['document']).catch(() => undefined);
    }
  }, [documentProblem, form]);

  // The form is hidden, not unmounted, during the other steps, so it can scroll only once it shows again.
  useEffect(() => {
    if (stage === 'edit' && focusField) {
      form.scrollToField(focusField, { block: 'center' });
      setFocusField(null);
    }
  }, [stage, focusField, form]);

  function applyAnalysis(analyzed: AnalyzedDocument): void {
    // What the clerk typed stays, and the other fields follow the newly uploaded document.
    const untouched = recognizableFields.filter((name) => !form.isFieldTouched(name));
    const values = valuesFromAnalysis(analyzed);
    form.setFieldsValue(Object.fromEntries(untouched.map((name) => [name, values[name]])));
    setMarks(recognitionMarks(analyzed, untouched));
  }

  function handleValuesChange(changed: Partial<ComposeValues>): void {
    // A value the clerk edited is theirs, so its recognition mark goes.
    const edited = Object.keys(changed).filter((name) => name in marks);
    if (edited.length > 0) {
      setMarks((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !edited.includes(name))));
    }

    if (changed.document === undefined) {
      return;
    }

    const file = mainFileOf({ document: changed.document });
    if (!file) {
      analysis.reset();
      setMarks({});

      return;
    }

    // Only the latest upload's result is applied, when the clerk replaces the file during analysis.
    analysis.mutate(file, { onSuccess: applyAnalysis });
  }

  function goToConfirm(values: ComposeValues): void {
    setBanner(null);
    if (!preview.data || preview.isPlaceholderData || preview.isError) {
      return;
    }

    if (preview.data.recipients.length === 0) {
      form.setFields([{ name: 'recipients', errors: [t('compose.recipientsOnlySelf')] }]);

      return;
    }

    setConfirmed(values);
    setStage('confirm');
    window.scrollTo({ top: 0 });
  }

  function startSend(): void {
    if (!confirmed) {
      return;
    }

    setUploaded(0);
    setStage('sending');
    send.mutate(confirmed);
  }

  // The stored files now have new positions, so the upload lists point at them instead of the browser's copies.
  function applySavedDraft(saved: DispatchDetail): void {
    queryClient.setQueryData(queryKeys.draft(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.dispatchLists });
    form.setFieldsValue(savedFileValues(saved, (file) => dispatchFileUrl(saved.id, file.position)));
  }

  function finishSave(saved: DispatchDetail): void {
    setBanner(null);
    applySavedDraft(saved);
    void message.success(t('compose.draftSaved'));

    if (!draft) {
      onDraftCreated(saved.id);
    }
  }

  function finishSend(sent: SentDispatch): void {
    void queryClient.invalidateQueries({ queryKey: queryKeys.dispatchLists });
    // The cached draft of this id would otherwise show on the dispatch page until it reloads.
    queryClient.removeQueries({ queryKey: queryKeys.dispatch(sent.id) });

    const label = formatNumberNotation(sent.number, sent.notation) ?? sent.number;
    void message.success(t('compose.sent', { label, registerNumber: sent.registerNumber }));
    void navigate(dispatchPath(sent.id));
  }

  function showFailure(failure: SendFailure): void {
    setStage('edit');

    if (failure.kind === 'field') {
      form.setFields([{ name: failure.field, errors: [failure.message] }]);
      setFocusField(failure.field);

      return;
    }

    setBanner(failure);
    window.scrollTo({ top: 0 });
  }

  const waiting = analysis.isPending || preview.isFetching;
  const busy = save.isPending || send.isPending;

  return (
    <Flex vertical gap="middle" data-testid="compose-page" data-stage={stage}>
      <Typography.Title level={3} className="page-title">
        {draft ? t('compose.draftTitle') : t('compose.title')}
      </Typography.Title>
      <Steps
        size="small"
        current={stageIndex[stage]}
        items={[{ title: t('compose.steps.edit') }, { title: t('compose.steps.confirm') }, { title: t('compose.steps.send') }]}
      />
      {banner && stage === 'edit' && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setBanner(null)}
          title={banner.title}
          description={banner.message}
          data-testid="compose-error"
          data-rule={banner.rule ?? ''}
        />
      )}
      <div hidden={stage !== 'edit'}>
        <Form<ComposeValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onValuesChange={handleValuesChange}
          onFinish={goToConfirm}
          scrollToFirstError={{ block: 'center' }}
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Flex vertical gap="middle">
                <DocumentSection
                  analysis={{ pending: analysis.isPending, data: analysis.data, error: analysis.error, uncertainFields: countUncertain(marks) }}
                  problem={documentProblem}
                />
                <MetadataSection marks={marks} />
                <AttachmentSection />
                <RecipientSection previewError={previewError} />
              </Flex>
            </Col>
            <Col xs={24} xl={9}>
              <div className="compose-aside">
                <RecipientPreview preview={recipients.length > 0 ? preview.data : undefined} loading={preview.isFetching} error={previewError} />
              </div>
            </Col>
          </Row>
          <Flex justify="end" gap="small" className="compose-actions">
            {draft && <DeleteDraftButton draftId={draft.id} disabled={busy} />}
            <Button onClick={() => save.mutate(form.getFieldsValue(true) as ComposeValues)} loading={save.isPending} disabled={send.isPending} data-testid="compose-save-draft">
              {t('compose.saveDraft')}
            </Button>
            <Button type="primary" htmlType="submit" loading={waiting} disabled={save.isPending} data-testid="compose-next">
              {t('compose.next')}
            </Button>
          </Flex>
        </Form>
      </div>
      {stage === 'confirm' && confirmed && preview.data && (
        <ComposeSummary values={confirmed} preview={preview.data} onBack={() => setStage('edit')} onSend={startSend} />
      )}
      {stage === 'sending' && <SendProgress fraction={uploaded} />}
    </Flex>
  );
}
