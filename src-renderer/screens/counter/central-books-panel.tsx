import type { RequestOutput } from '../../../src-shared/contract';
import { formatMoment } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';

export type CentralBooks = RequestOutput<'book.centralList'>;
type Assignment = CentralBooks['assignments'][number];
type LocalOnly = CentralBooks['localOnly'][number];

const span = (range: { readonly firstLeaf: number; readonly lastLeaf: number }): string => `${range.firstLeaf}–${range.lastLeaf}`;

/**
 * The books central assigned to this terminal or the whole office beside the local register (issue
 * 11): not registered yet (with the one action "register as central assigned it"), registered with
 * the same range, registered with another range (red, both ranges), and books registered here that
 * central did not give this terminal or office (flagged, still usable).
 */
export function CentralBooksPanel({ central, mayRegister, isBusy, onRegister }: { readonly central: CentralBooks | null; readonly mayRegister: boolean; readonly isBusy: boolean; readonly onRegister: (bookNo: string) => void }) {
  const { t, language } = useI18n();
  const c = t.books.central;
  const assignedTo = (slot: number | null): string => (slot === null ? c.toOffice : slot === central?.terminalSlot ? c.toThisTerminal(slot) : c.toOtherTerminal(slot));
  const here = (local: { readonly firstLeaf: number; readonly lastLeaf: number; readonly isClosed: boolean }): string => (local.isClosed ? `${span(local)} (${c.closedMark})` : span(local));

  const assignmentRow = (a: Assignment) => {
    const isConflict = a.state === 'range-differs';
    return (
      <tr key={`c-${a.bookNo}`} className={isConflict ? 'table__row--conflict' : undefined} data-testid={`central-book-${a.bookNo}`} data-state={a.state}>
        <td className="table__mono">{a.bookNo}</td>
        <td>{span(a)}</td>
        <td>{assignedTo(a.terminalSlot)}</td>
        <td>{formatMoment(a.assignedAtMs, language)}</td>
        <td>{a.local === null ? c.notHere : here(a.local)}</td>
        <td>
          {a.state === 'not-registered' && <span className="badge badge--pending">{c.states.notRegistered}</span>}
          {a.state === 'registered' && <span className="badge badge--receipted">{c.states.registered}</span>}
          {isConflict && a.local !== null && (
            <span className="text--danger">
              {c.states.rangeDiffers}
              <br />
              {c.bothRanges(span(a), span(a.local))}
            </span>
          )}
        </td>
        {mayRegister &&
          (a.state === 'not-registered' ? (
            <td className="table__actions">
              <button type="button" className="button button--small button--primary" onClick={() => onRegister(a.bookNo)} disabled={isBusy} aria-label={c.registerOf(a.bookNo)}>
                {c.register}
              </button>
            </td>
          ) : (
            <td />
          ))}
      </tr>
    );
  };

  const localOnlyRow = (b: LocalOnly) => (
    <tr key={`l-${b.bookNo}`} className="table__row--flagged" data-testid={`central-book-${b.bookNo}`} data-state={b.state}>
      <td className="table__mono">{b.bookNo}</td>
      <td>{b.central === null ? c.unknown : span(b.central)}</td>
      <td>{b.central === null ? c.unknown : assignedTo(b.central.terminalSlot)}</td>
      <td>{c.unknown}</td>
      <td>{here(b)}</td>
      <td>{b.state === 'other-terminal' && b.central !== null ? c.states.otherTerminal(b.central.terminalSlot ?? 0) : c.states.unknownToCentral}</td>
      {mayRegister && <td />}
    </tr>
  );

  return (
    <section className="panel" aria-labelledby="central-books-title" data-testid="central-books">
      <h2 id="central-books-title" className="section-title">
        {c.heading}
      </h2>
      <p className="panel__text">{c.intro}</p>
      {central === null ? (
        <p className="panel__text">{t.counter.loading}</p>
      ) : (
        <>
          {!central.isEnrolled && central.assignments.length === 0 && <p className="notice notice--info">{c.notEnrolled}</p>}
          {central.assignments.length === 0 && central.localOnly.length === 0 ? (
            <p className="panel__text">{c.none}</p>
          ) : (
            <div className="table-scroll">
              <table className="table" data-testid="central-book-list">
                <thead>
                  <tr>
                    <th scope="col">{c.columns.book}</th>
                    <th scope="col">{c.columns.central}</th>
                    <th scope="col">{c.columns.assignedTo}</th>
                    <th scope="col">{c.columns.assignedAt}</th>
                    <th scope="col">{c.columns.here}</th>
                    <th scope="col">{c.columns.state}</th>
                    {mayRegister && <th scope="col">{c.columns.action}</th>}
                  </tr>
                </thead>
                <tbody>
                  {central.assignments.map(assignmentRow)}
                  {central.localOnly.map(localOnlyRow)}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
