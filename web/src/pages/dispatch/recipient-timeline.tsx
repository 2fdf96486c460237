import { Timeline, Typography, type TimelineItemProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { RecipientEvent, RecipientEventKind } from '../../api/dispatch-types';
import { TimelineEntry } from '../../components/timeline-entry';

const colors: Record<RecipientEventKind, string> = {
  queued: 'gray',
  delivered: 'blue',
  read: 'blue',
  accepted: 'green',
  rejected: 'red',
  failed: 'red',
  withdrawn: 'gray',
  delayed: 'orange',
  reminded: 'orange',
  resent: 'blue',
};

// An event that sets a status is labelled with that status, and the others with their own words.
function eventLabel(t: TFunction, kind: RecipientEventKind): string {
  if (kind === 'queued' || kind === 'delayed' || kind === 'reminded' || kind === 'resent') {
    return t(`recipientEvent.${kind}`);
  }

  return t(`recipientStatus.${kind}`, { defaultValue: kind });
}

function eventTitle(t: TFunction, event: RecipientEvent): ReactNode {
  return (
    <>
      {eventLabel(t, event.kind)}
      {event.actor && <Typography.Text type="secondary"> {t('recipientEvent.by', { actor: event.actor })}</Typography.Text>}
    </>
  );
}

/** Lists what happened to one recipient's copy, oldest first: time, what, who and the detail. */
export function RecipientTimeline({ events }: { events: RecipientEvent[] }) {
  const { t } = useTranslation();
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));

  const items: TimelineItemProps[] = sorted.map((event, index) => ({
    key: `${event.at}-${event.kind}-${index}`,
    color: colors[event.kind] ?? 'gray',
    content: (
      <TimelineEntry testId="recipient-event" kind={event.kind} at={event.at} title={eventTitle(t, event)}>
        {event.detail && <div className="history-correction">{event.detail}</div>}
      </TimelineEntry>
    ),
  }));

  return (
    <div className="recipient-timeline" data-testid="recipient-timeline">
      <Timeline items={items} />
    </div>
  );
}
