import { Card, Timeline, Typography, type TimelineItemProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { Correction, DocumentDetail, DocumentEvent, DocumentEventKind } from '../../api/types';
import { TimelineEntry } from '../../components/timeline-entry';

const colors: Record<DocumentEventKind, string> = {
  delivered: 'blue',
  read: 'gray',
  accepted: 'green',
  rejected: 'red',
  corrected: 'orange',
  withdrawn: 'gray',
};

function valueText(value: unknown): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

function fieldLabel(t: TFunction, field: string): string {
  return t(`document.fields.${field}` as 'document.fields.type', { defaultValue: field });
}

function eventTitle(t: TFunction, event: DocumentEvent): string {
  const actor = event.actor ?? t('history.system');

  switch (event.kind) {
    case 'delivered':
      return t('history.delivered');
    case 'read':
      return t('history.read', { actor });
    case 'accepted':
      return t('history.accepted', { actor });
    case 'rejected':
      return t('history.rejected', { reason: event.reason ?? t('history.noReason') });
    case 'corrected':
      return t('history.corrected', { actor });
    case 'withdrawn':
      return t('history.withdrawn');
  }
}

// A correction event names no fields, so the corrections recorded at the same instant by the same
// actor are shown with it.
function correctionsOf(event: DocumentEvent, corrections: Correction[]): Correction[] {
  return corrections.filter((correction) => correction.at === event.at && correction.actor === event.actor);
}

// One saved edit may be recorded as one event per field, and it is shown as one entry.
function withoutRepeatedCorrections(events: DocumentEvent[]): DocumentEvent[] {
  const seen = new Set<string>();

  return events.filter((event) => {
    if (event.kind !== 'corrected') {
      return true;
    }

    const key = `${event.at}|${event.actor ?? ''}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);

    return true;
  });
}

function CorrectionLines({ event, corrections }: { event: DocumentEvent; corrections: Correction[] }) {
  const { t } = useTranslation();
  const matching = correctionsOf(event, corrections);

  // Without a matching correction, the event's own text is the only description there is.
  if (matching.length === 0) {
    return event.reason ? <div className="history-correction">{event.reason}</div> : null;
  }

  return matching.map((correction) => (
    <div key={correction.field} className="history-correction">
      {fieldLabel(t, correction.field)}: <del>{valueText(correction.from)}</del> → {valueText(correction.to)}
    </div>
  ));
}

export function EventTimeline({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const sorted = [...document.events].sort((a, b) => a.at.localeCompare(b.at));
  const events = withoutRepeatedCorrections(sorted);

  const items: TimelineItemProps[] = events.map((event, index) => ({
    key: `${event.at}-${event.kind}-${index}`,
    color: colors[event.kind] ?? 'gray',
    content: (
      <TimelineEntry testId="history-event" kind={event.kind} at={event.at} title={eventTitle(t, event)}>
        {event.kind === 'rejected' && event.actor && (
          <div>
            <Typography.Text type="secondary">{t('history.rejectedBy', { actor: event.actor })}</Typography.Text>
          </div>
        )}
        {event.kind === 'corrected' && <CorrectionLines event={event} corrections={document.corrections} />}
      </TimelineEntry>
    ),
  }));

  return (
    <Card title={t('history.title')} size="small">
      <Timeline items={items} />
    </Card>
  );
}
