import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseMemberCapacity, ListResult, UserView } from '../../../../src/server/api-types';
import { api } from '../../api';
import { ErrorMessage } from '../../components/error-message';
import { MEMBER_CAPACITIES } from '../../lists';
import { useResource } from '../../use-resource';
import type { CaseEditor } from './use-case-editor';

/** The people assigned to the case; their capacity decides who may see a victim's identity. */
export const MembersSection = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  return (
    <section className="case-section" aria-labelledby="members-heading" id="members">
      <h2 id="members-heading">{t('members.title')}</h2>
      <p className="hint">{t('members.intro')}</p>
      {detail.members.length === 0 ? (
        <p className="empty">{t('members.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="member-list">
          {detail.members.map((m) => (
            <li key={`${m.userId}-${m.capacity}`} data-testid="member-row">
              <strong>{m.displayName}</strong> · {m.email} · {t(`capacity.${m.capacity}`)}
            </li>
          ))}
        </ul>
      )}
      {detail.permissions.manageMembers && <AddMemberForm detail={detail} editor={editor} />}
    </section>
  );
};

const AddMemberForm = ({ detail, editor }: { detail: CaseDetail; editor: CaseEditor }) => {
  const { t } = useTranslation();
  const users = useResource((signal) => api.get<ListResult<UserView>>('/users', { limit: 200 }, signal), []);
  const [userId, setUserId] = useState('');
  const [capacity, setCapacity] = useState<CaseMemberCapacity>('investigator');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const candidates = (users.data?.items ?? []).filter((u) => !u.disabled && !detail.members.some((m) => m.userId === u.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!userId) return;
    setBusy(true);
    setError(null);
    const outcome = await editor.act(() => api.post<CaseDetail>(`/cases/${encodeURIComponent(detail.id)}/members`, { userId, capacity }));
    if (outcome.ok) setUserId('');
    else setError(outcome.error);
    setBusy(false);
  };

  return (
    <form className="subform" onSubmit={submit} aria-labelledby="add-member-heading">
      <h3 id="add-member-heading">{t('members.add')}</h3>
      <ErrorMessage error={users.error} />
      <div className="field-grid">
        <div className="field">
          <label htmlFor="member-user">{t('members.user')}</label>
          <select id="member-user" required value={userId} onChange={(e) => setUserId(e.target.value)} data-testid="member-user">
            <option value="">{t('members.choose')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} — {t(`role.${u.role}`)} ({u.agency.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="member-capacity">{t('members.capacity')}</label>
          <select id="member-capacity" value={capacity} onChange={(e) => setCapacity(e.target.value as CaseMemberCapacity)} data-testid="member-capacity">
            {MEMBER_CAPACITIES.map((c) => (
              <option key={c} value={c}>
                {t(`capacity.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy || !userId} data-testid="member-add">
          {busy ? t('common.saving') : t('members.addButton')}
        </button>
      </div>
    </form>
  );
};
