import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { Language } from '@comptoir/schema';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../documents/document-errors';
import { EmailDocumentMutation, EmailDraftQuery, SendReminderMutation } from './outbound.operations';

const TEXT: Record<Language, Record<string, string>> = {
  fr: {
    send: 'Envoyer par e-mail',
    remind: 'Relancer le client',
    level: 'Niveau de relance',
    level1: '1re relance',
    level2: '2e relance',
    level3: 'Mise en demeure',
    to: 'Destinataires (séparés par des virgules)',
    subject: 'Objet',
    message: 'Message',
    submit: 'Envoyer avec le PDF',
    submitReminder: 'Envoyer la relance avec le PDF',
    issueFirst: 'Cette facture est un brouillon : elle sera émise (numérotée et figée) puis envoyée. Continuer ?',
    sent: 'Message envoyé à {to}.',
    reminded: 'Relance envoyée à {to}.',
    reminders: '{count} relance(s) déjà envoyée(s)',
    cancel: 'Fermer',
  },
  en: {
    send: 'Send by e-mail',
    remind: 'Remind the customer',
    level: 'Reminder level',
    level1: '1st reminder',
    level2: '2nd reminder',
    level3: 'Formal notice',
    to: 'Recipients (comma-separated)',
    subject: 'Subject',
    message: 'Message',
    submit: 'Send with the PDF',
    submitReminder: 'Send the reminder with the PDF',
    issueFirst: 'This invoice is a draft: it will be issued (numbered and frozen) then sent. Continue?',
    sent: 'Message sent to {to}.',
    reminded: 'Reminder sent to {to}.',
    reminders: '{count} reminder(s) already sent',
    cancel: 'Close',
  },
};

/** The e-mail form: the document with its PDF, or (reminder) a payment reminder of an overdue invoice. */
export function EmailForm({ doc, reminder, onDone }: { doc: { id: string; type: string; status: string }; reminder: boolean; onDone(): void }) {
  const i18n = useI18n();
  const words = TEXT[i18n.language];
  const w = (key: string, params: Record<string, string | number> = {}) => words[key].replace(/\{(\w+)\}/g, (_, n: string) => String(params[n] ?? ''));
  const client = useApolloClient();
  const [level, setLevel] = useState(1);
  const { data } = useQuery(EmailDraftQuery, { variables: { id: doc.id, level: reminder ? level : null }, fetchPolicy: 'network-only' });
  const draft = data?.document?.emailDraft;
  const [edits, setEdits] = useState<{ to?: string; subject?: string; body?: string }>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  if (!draft) return null;
  const to = edits.to ?? draft.to.join(', ');
  const subject = edits.subject ?? draft.subject;
  const body = edits.body ?? draft.body;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const issue = !reminder && doc.status === 'DRAFT' && (doc.type === 'INVOICE' || doc.type === 'CREDIT_NOTE');
    if (issue && !window.confirm(w('issueFirst'))) return;
    setBusy(true);
    setMessage(null);
    const recipients = to.split(/[,;\s]+/).map((a) => a.trim()).filter(Boolean);
    try {
      if (reminder) await client.mutate({ mutation: SendReminderMutation, variables: { input: { invoiceId: doc.id, level, to: recipients, subject, message: body } } });
      else await client.mutate({ mutation: EmailDocumentMutation, variables: { input: { documentId: doc.id, to: recipients, subject, message: body, issue } } });
      setMessage({ tone: 'success', text: w(reminder ? 'reminded' : 'sent', { to: recipients.join(', ') }) });
      onDone();
    } catch (error) {
      setMessage({ tone: 'warning', text: errorText(i18n, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form-grid email-form" onSubmit={(e) => void submit(e)} aria-label={w(reminder ? 'remind' : 'send')} data-testid={reminder ? 'reminder-form' : 'email-form'}>
      {reminder ? (
        <>
          {data?.document?.remindersSent ? <p className="muted field-wide">{w('reminders', { count: data.document.remindersSent })}</p> : null}
          <label className="field">
            <span>{w('level')}</span>
            <select
              value={level}
              onChange={(e) => {
                setLevel(Number(e.target.value));
                setEdits({ to: edits.to });
              }}
              data-testid="reminder-level"
            >
              <option value={1}>{w('level1')}</option>
              <option value={2}>{w('level2')}</option>
              <option value={3}>{w('level3')}</option>
            </select>
          </label>
        </>
      ) : null}
      <label className="field field-wide">
        <span>{w('to')}</span>
        <input value={to} onChange={(e) => setEdits({ ...edits, to: e.target.value })} required data-testid="email-to" />
      </label>
      <label className="field field-wide">
        <span>{w('subject')}</span>
        <input value={subject} maxLength={200} onChange={(e) => setEdits({ ...edits, subject: e.target.value })} data-testid="email-subject" />
      </label>
      <label className="field field-wide">
        <span>{w('message')}</span>
        <textarea value={body} rows={8} maxLength={10000} onChange={(e) => setEdits({ ...edits, body: e.target.value })} data-testid="email-body" />
      </label>
      <div className="editor-actions">
        <button type="submit" className="button" disabled={busy} data-testid="email-send">
          {w(reminder ? 'submitReminder' : 'submit')}
        </button>
      </div>
      {message ? (
        <p className={`notice notice-${message.tone} field-wide`} role={message.tone === 'warning' ? 'alert' : 'status'} data-testid="email-result">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
