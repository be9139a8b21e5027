import { useTranslation } from 'react-i18next';
import type { AuditEntryView, CaseDetail } from '../../../../src/server/api-types';
import { auditActionLabel, isReadAction } from '../../components/audit-action';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useFormat } from '../../format';
import type { CaseEditor } from './use-case-editor';

interface TimelineItem {
  key: string;
  at: string;
  title: string;
  who: string | null;
  note: string | null;
}

/** What happened to the case, newest first: changes from its audit trail and its justice outcomes. */
export const TimelineSection = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const audit = editor.audit;

  const changes: TimelineItem[] = (audit.data?.items ?? [])
    .filter((entry: AuditEntryView) => !isReadAction(entry.action))
    .map((entry) => ({
      key: `audit-${entry.seq}`,
      at: entry.at,
      title: auditActionLabel(t, entry.action),
      who: entry.actorLabel,
      note: describeDetail(entry, t),
    }));
  const outcomes: TimelineItem[] = [...detail.outcomes].reverse().map((o, index) => ({
    key: `outcome-${index}`,
    at: o.date,
    title: t(`outcomeStage.${o.stage}`),
    who: null,
    note: o.detail || null,
  }));
  const hasCreation = (audit.data?.items ?? []).some((entry) => entry.action === 'case.create');
  const opened = hasCreation ? [] : [{ key: 'opened', at: detail.createdAt, title: t('case.opened'), who: null, note: null }];
  const items = [...changes, ...outcomes, ...opened].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section className="case-section" aria-labelledby="timeline-heading" id="timeline">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      {audit.loading && !audit.data && <Loading />}
      <ErrorMessage error={audit.error} />
      <ol className="timeline" data-testid="timeline">
        {items.map((item) => (
          <li key={item.key} data-testid="timeline-item">
            <time dateTime={item.at}>{item.at.length > 10 ? format.dateTime(item.at) : format.date(item.at)}</time>
            <p className="timeline-title">{item.title}</p>
            {item.who && <p className="timeline-who">{t('timeline.by', { who: item.who })}</p>}
            {item.note && <p className="timeline-note">{item.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
};

/** A short note from an audit entry's detail: a status move, a role, a list of changed fields. */
const describeDetail = (entry: AuditEntryView, t: (key: string, options?: Record<string, unknown>) => string): string | null => {
  const d = entry.detail;
  const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  const status = str(d.status);
  if (status) return t('timeline.statusTo', { status: t(`caseStatus.${status}`, { defaultValue: status }) });
  const role = str(d.role);
  if (role) return t(`subjectRole.${role}`, { defaultValue: role });
  const capacity = str(d.capacity);
  if (capacity) return t(`capacity.${capacity}`, { defaultValue: capacity });
  const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : [];
  if (fields.length > 0) return t('timeline.fields', { fields: fields.map((f) => t(`caseField.${f}`, { defaultValue: f })).join(', ') });
  return null;
};
