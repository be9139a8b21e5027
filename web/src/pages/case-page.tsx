import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../components/error-message';
import { Loading } from '../components/loading';
import { ShareWithPartners } from '../components/share-with-partners';
import { usePageTitle } from '../use-page-title';
import { CaseAuditSection } from './case/case-audit-section';
import { CaseHeader } from './case/case-header';
import { IndicatorsSection } from './case/indicators-section';
import { LinkedEntitiesSection } from './case/linked-entities-section';
import { MembersSection } from './case/members-section';
import { OutcomesSection } from './case/outcomes-section';
import { PalermoSection } from './case/palermo-section';
import { SubjectsSection } from './case/subjects-section';
import { TimelineSection } from './case/timeline-section';
import { useCaseEditor } from './case/use-case-editor';

export const CasePage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const editor = useCaseEditor(id);
  const detail = editor.resource.data;
  const conflictRef = useRef<HTMLDivElement>(null);
  usePageTitle(detail ? `${detail.reference} — ${detail.title}` : t('case.title'));

  useEffect(() => {
    if (editor.conflict) conflictRef.current?.focus();
  }, [editor.conflict]);

  if (!detail) {
    return (
      <section className="page">
        <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
          <Link to="/cases">{t('nav.cases')}</Link>
        </nav>
        {editor.resource.loading ? <Loading /> : <h1>{t('case.title')}</h1>}
        <ErrorMessage error={editor.resource.error} />
      </section>
    );
  }

  const sections = [
    { id: 'subjects', label: t('subjects.title') },
    { id: 'linked', label: t('linked.title') },
    { id: 'indicators', label: t('indicators.title') },
    { id: 'palermo', label: t('palermo.title') },
    { id: 'outcomes', label: t('outcomes.title') },
    { id: 'members', label: t('members.title') },
    { id: 'timeline', label: t('timeline.title') },
    ...(detail.permissions.readAudit ? [{ id: 'case-audit', label: t('caseAudit.title') }] : []),
  ];

  return (
    <article className="page case-page" data-testid="case-page" data-case-version={detail.version}>
      <nav aria-label={t('common.breadcrumb')} className="breadcrumb">
        <Link to="/cases">{t('nav.cases')}</Link>
      </nav>
      {editor.conflict && (
        <div className="alert alert-warning" role="alert" tabIndex={-1} ref={conflictRef} data-testid="version-conflict">
          <p>
            <strong>{t('case.conflictTitle')}</strong>
          </p>
          <p>{t('case.conflictBody')}</p>
          <button type="button" className="button button-secondary button-small" onClick={editor.dismissConflict}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {editor.resource.error !== null && <ErrorMessage error={editor.resource.error} />}
      <CaseHeader detail={detail} editor={editor} />
      <ShareWithPartners caseId={detail.id} />
      <nav className="toc" aria-label={t('case.onThisPage')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <SubjectsSection detail={detail} editor={editor} />
      <LinkedEntitiesSection detail={detail} editor={editor} />
      <IndicatorsSection detail={detail} editor={editor} />
      <PalermoSection detail={detail} editor={editor} />
      <OutcomesSection detail={detail} editor={editor} />
      <MembersSection detail={detail} editor={editor} />
      <TimelineSection detail={detail} editor={editor} />
      {detail.permissions.readAudit && <CaseAuditSection caseId={detail.id} version={detail.version} />}
    </article>
  );
};
