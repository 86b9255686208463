import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EbillApi, ReplyError, RequestInput, RequestOutput } from '../../../src-shared/contract';
import { mayCall } from '../../app/permissions';
import { SHORTCUTS } from '../../app/shortcuts';
import { useShortcuts } from '../../app/use-shortcuts';
import { ErrorRegion, StatusRegion } from '../../components/error-notice';
import { ModalDialog } from '../../components/modal-dialog';
import { ScreenFrame } from '../../components/screen-frame';
import { SelectField } from '../../components/select-field';
import { ShortcutHint } from '../../components/shortcut-hint';
import { TextField } from '../../components/text-field';
import { useI18n } from '../../i18n/i18n-context';
import type { Dict } from '../../i18n/th';
import { CentralBooksPanel, type CentralBooks } from './central-books-panel';
import { leafRanges } from './leaf-ranges';
import type { Phrase } from './phrase';
import { ScreenToolbar } from './screen-toolbar';
import type { ScreenProps } from '../../app/screen-props';

export type BooksScreenProps = ScreenProps;

type Book = RequestOutput<'book.list'>['books'][number];
type HolderKind = 'office' | 'terminal' | 'officer';
const HOLDER_KINDS: readonly HolderKind[] = ['office', 'terminal', 'officer'];
const WHOLE_NUMBER = /^\d{1,7}$/;

/** Typed digits as a number, or NaN: main refuses it (BAD_INPUT), the screen never guesses. */
function numberOf(text: string): number {
  return WHOLE_NUMBER.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

type Dialog = { readonly kind: 'assign'; readonly book: Book } | { readonly kind: 'mark'; readonly book: Book } | null;

/**
 * เล่มใบเสร็จกระดาษ (issue 8): register a paper book, give it to the office, a terminal or an
 * officer, list the books with their leaf counts, spoil or cancel a leaf with a reason, close a
 * book (refused while leaves are unused: the screen then lists them). Beside them, the books central
 * assigned to this terminal or the office (issue 11) and how each stands against the register here.
 */
export function BooksScreen({ info, user, request, onHome, onLogout, isLoggingOut }: BooksScreenProps) {
  const { t } = useI18n();
  const [books, setBooks] = useState<readonly Book[] | null>(null);
  const [central, setCentral] = useState<CentralBooks | null>(null);
  const [form, setForm] = useState({ bookNo: '', firstLeaf: '1', lastLeaf: '50', fiscalYearBe: '' });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [unused, setUnused] = useState<string | null>(null);
  const [status, setStatus] = useState<Phrase | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const mayRegister = mayCall(user.role, 'book.register');
  const mayAssign = mayCall(user.role, 'book.assign');
  const mayMark = mayCall(user.role, 'book.markLeaf');
  const mayClose = mayCall(user.role, 'book.close');
  const mayRegisterFromCentral = mayCall(user.role, 'book.registerFromCentral');

  const load = useCallback(async () => {
    const [reply, centralReply] = await Promise.all([request('book.list', {}), request('book.centralList', {})]);
    if (reply.ok) setBooks(reply.value.books);
    else setError(reply.error);
    if (centralReply.ok) setCentral(centralReply.value);
    else setError(centralReply.error);
  }, [request]);
  useEffect(() => {
    void load();
  }, [load]);
  useShortcuts([
    { shortcut: SHORTCUTS.home, run: onHome, enabled: !isBusy && dialog === null },
    { shortcut: SHORTCUTS.refresh, run: () => void load(), enabled: !isBusy && dialog === null },
  ]);

  const done = (phrase: Phrase): void => {
    setDialog(null);
    setStatus(() => phrase);
    void load();
  };

  const onRegister = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setUnused(null);
    setStatus(null);
    const bookNo = form.bookNo.trim().toUpperCase();
    const reply = await request('book.register', { bookNo, firstLeaf: numberOf(form.firstLeaf), lastLeaf: numberOf(form.lastLeaf), fiscalYearBe: numberOf(form.fiscalYearBe) });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setForm((f) => ({ ...f, bookNo: '' }));
    done((d: Dict) => d.books.registered(bookNo));
  };

  /** Central's range, fiscal year and holder, read by main: nothing typed by hand. */
  const onRegisterFromCentral = async (bookNo: string): Promise<void> => {
    setIsBusy(true);
    setError(null);
    setUnused(null);
    setStatus(null);
    const reply = await request('book.registerFromCentral', { bookNo });
    setIsBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      void load();
      return;
    }
    const range = `${reply.value.firstLeaf}–${reply.value.lastLeaf}`;
    done((d: Dict) => d.books.central.registered(bookNo, range));
  };

  const onClose = async (book: Book): Promise<void> => {
    setIsBusy(true);
    setError(null);
    setUnused(null);
    setStatus(null);
    const reply = await request('book.close', { bookNo: book.bookNo });
    if (!reply.ok) {
      setError(reply.error);
      if (reply.error.code === 'BOOK_HAS_UNUSED_LEAVES') {
        const leaves = await request('book.leaves', { bookNo: book.bookNo });
        if (leaves.ok) setUnused(leafRanges(leaves.value.leaves.filter((l) => l.state === 'unused').map((l) => l.leaf)));
      }
      setIsBusy(false);
      return;
    }
    setIsBusy(false);
    done((d: Dict) => d.books.closed(book.bookNo));
  };

  const holderText = (book: Book): string => {
    if (book.holder === null) return t.books.noHolder;
    if (book.holder.kind === 'terminal') return t.books.holderTerminal(book.holder.terminalSlot ?? 0);
    if (book.holder.kind === 'officer') return t.books.holderOfficer(book.holder.username ?? '');
    return t.books.holders.office;
  };

  return (
    <ScreenFrame title={t.books.title} info={info} user={user} onLogout={onLogout} isLoggingOut={isLoggingOut} className="screen--books">
      <ScreenToolbar title={t.books.title} onHome={onHome}>
        <button type="button" className="button" onClick={() => void load()} disabled={isBusy} aria-keyshortcuts="Alt+R">
          {t.counter.refresh} <ShortcutHint shortcut={SHORTCUTS.refresh} />
        </button>
      </ScreenToolbar>
      {mayRegister && (
        <form className="panel form-panel" onSubmit={(e) => void onRegister(e)} noValidate aria-label={t.books.registerHeading} aria-busy={isBusy}>
          <h2 className="section-title">{t.books.registerHeading}</h2>
          <div className="form-row">
            <TextField label={t.books.bookNo} hint={t.books.bookNoHint} value={form.bookNo} onChange={(e) => setForm({ ...form, bookNo: e.target.value })} maxLength={32} autoComplete="off" spellCheck={false} isRequired autoFocus />
            <TextField label={t.books.firstLeaf} value={form.firstLeaf} onChange={(e) => setForm({ ...form, firstLeaf: e.target.value })} inputMode="numeric" maxLength={7} isRequired />
            <TextField label={t.books.lastLeaf} value={form.lastLeaf} onChange={(e) => setForm({ ...form, lastLeaf: e.target.value })} inputMode="numeric" maxLength={7} isRequired />
            <TextField label={t.books.fiscalYear} hint={t.books.fiscalYearHint} value={form.fiscalYearBe} onChange={(e) => setForm({ ...form, fiscalYearBe: e.target.value })} inputMode="numeric" maxLength={4} isRequired />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={isBusy || form.bookNo.trim() === ''}>
              {t.books.register}
            </button>
          </div>
        </form>
      )}
      <StatusRegion text={status?.(t) ?? null} />
      <ErrorRegion error={error} />
      {unused !== null && (
        <p className="notice notice--warn" data-testid="unused-leaves">
          {t.books.unusedLeaves(unused)}
        </p>
      )}
      <CentralBooksPanel central={central} mayRegister={mayRegisterFromCentral} isBusy={isBusy} onRegister={(bookNo) => void onRegisterFromCentral(bookNo)} />
      <section className="panel" aria-labelledby="books-title">
        <h2 id="books-title" className="section-title">
          {t.books.listHeading}
        </h2>
        {books === null ? (
          <p className="panel__text">{t.counter.loading}</p>
        ) : books.length === 0 ? (
          <p className="panel__text">{t.counter.none}</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="book-list">
              <thead>
                <tr>
                  <th scope="col">{t.books.columns.book}</th>
                  <th scope="col">{t.books.columns.leaves}</th>
                  <th scope="col">{t.books.columns.year}</th>
                  <th scope="col">{t.books.columns.holder}</th>
                  <th scope="col">{t.books.columns.counts}</th>
                  <th scope="col">{t.books.columns.state}</th>
                  {(mayAssign || mayMark || mayClose) && <th scope="col">{t.books.columns.action}</th>}
                </tr>
              </thead>
              <tbody>
                {books.map((b) => (
                  <tr key={b.bookId}>
                    <td className="table__mono">{b.bookNo}</td>
                    <td>
                      {b.firstLeaf}–{b.lastLeaf}
                    </td>
                    <td>{b.fiscalYearBe}</td>
                    <td>{holderText(b)}</td>
                    <td>{t.books.counts(b.counts.unused, b.counts.issued, b.counts.spoiled, b.counts.cancelled)}</td>
                    <td>{b.isClosed ? t.books.closedState : t.books.openState}</td>
                    {(mayAssign || mayMark || mayClose) && (
                      <td className="table__actions">
                        {!b.isClosed && mayAssign && (
                          <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'assign', book: b })} disabled={isBusy} aria-label={t.books.assignOf(b.bookNo)}>
                            {t.books.assign}
                          </button>
                        )}
                        {!b.isClosed && mayMark && (
                          <button type="button" className="button button--small" onClick={() => setDialog({ kind: 'mark', book: b })} disabled={isBusy} aria-label={t.books.markOf(b.bookNo)}>
                            {t.books.mark}
                          </button>
                        )}
                        {!b.isClosed && mayClose && (
                          <button type="button" className="button button--small" onClick={() => void onClose(b)} disabled={isBusy} aria-label={t.books.closeOf(b.bookNo)}>
                            {t.books.close}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {dialog?.kind === 'assign' && <AssignDialog book={dialog.book} request={request} onClose={() => setDialog(null)} onDone={() => done((d: Dict) => d.books.assigned(dialog.book.bookNo))} />}
      {dialog?.kind === 'mark' && <MarkDialog book={dialog.book} request={request} onClose={() => setDialog(null)} onDone={(leaf) => done((d: Dict) => d.books.marked(dialog.book.bookNo, leaf))} />}
    </ScreenFrame>
  );
}

function AssignDialog({ book, request, onClose, onDone }: { readonly book: Book; readonly request: EbillApi['request']; readonly onClose: () => void; readonly onDone: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<HolderKind>('office');
  const [value, setValue] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const holder: RequestInput<'book.assign'>['holder'] = kind === 'office' ? { kind } : kind === 'terminal' ? { kind, terminalSlot: numberOf(value) } : { kind, username: value.trim() };
    setIsBusy(true);
    const reply = await request('book.assign', { bookNo: book.bookNo, holder });
    setIsBusy(false);
    if (reply.ok) onDone();
    else setError(reply.error);
  };
  return (
    <ModalDialog title={t.books.assignTitle(book.bookNo)} onClose={onClose} isBusy={isBusy}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="dialog__form">
        <SelectField label={t.books.holder} value={kind} onChange={(e) => setKind(e.target.value as HolderKind)} options={HOLDER_KINDS.map((k) => ({ value: k, label: t.books.holders[k] }))} autoFocus />
        {kind === 'terminal' && <TextField label={t.books.terminalSlot} value={value} onChange={(e) => setValue(e.target.value)} inputMode="numeric" maxLength={1} isRequired />}
        {kind === 'officer' && <TextField label={t.books.officer} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" isRequired />}
        <ErrorRegion error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {t.approval.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t.books.assign}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

function MarkDialog({ book, request, onClose, onDone }: { readonly book: Book; readonly request: EbillApi['request']; readonly onClose: () => void; readonly onDone: (leaf: number) => void }) {
  const { t } = useI18n();
  const [leaf, setLeaf] = useState('');
  const [kind, setKind] = useState<'spoiled' | 'cancelled'>('spoiled');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const leafNo = numberOf(leaf);
    setIsBusy(true);
    const reply = await request('book.markLeaf', { bookNo: book.bookNo, leaf: leafNo, kind, reasonText: reason.trim() });
    setIsBusy(false);
    if (reply.ok) onDone(leafNo);
    else setError(reply.error);
  };
  return (
    <ModalDialog title={t.books.markTitle(book.bookNo)} onClose={onClose} isBusy={isBusy}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="dialog__form">
        <TextField label={t.books.leaf} value={leaf} onChange={(e) => setLeaf(e.target.value)} inputMode="numeric" maxLength={7} isRequired autoFocus />
        <SelectField label={t.books.markKind} value={kind} onChange={(e) => setKind(e.target.value as 'spoiled' | 'cancelled')} options={(['spoiled', 'cancelled'] as const).map((k) => ({ value: k, label: t.books.markKinds[k] }))} />
        <TextField label={t.books.reason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} lang="th" isRequired />
        <ErrorRegion error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={isBusy}>
            {t.approval.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t.books.mark}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
