import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { centsToInput, parseUserDecimal, type Language } from '@comptoir/schema';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../documents/document-errors';
import { DocumentSettingsQuery, SetDossierLogoMutation, UpdateDocumentSettingsMutation } from './outbound.operations';

const TEXT: Record<Language, Record<string, string>> = {
  fr: {
    title: 'Documents et envois',
    intro: 'Ce que portent les PDF des pièces et les e-mails envoyés : mentions légales, coordonnées bancaires, modèles de message.',
    legalForm: 'Forme juridique (SARL, SAS…)',
    capital: 'Capital social (€)',
    rcsCity: 'Ville du RCS',
    rmNumber: 'Immatriculation au RM (artisans)',
    iban: 'IBAN',
    bic: 'BIC',
    latePenaltyRate: 'Taux des pénalités de retard (% par an ; vide : 3 fois le taux légal)',
    discountTerms: 'Escompte pour paiement anticipé (vide : néant)',
    mailSubject: 'Objet des e-mails ({type}, {numero}, {client}, {montant}, {echeance}, {dossier})',
    mailBody: 'Message des e-mails',
    save: 'Enregistrer',
    saved: 'Paramètres enregistrés.',
    logo: 'Logo (PNG ou JPEG, 300 Ko au plus)',
    removeLogo: 'Retirer le logo',
    logoTooBig: 'Le logo dépasse 300 Ko.',
    logoType: 'Le logo doit être une image PNG ou JPEG.',
  },
  en: {
    title: 'Documents and e-mails',
    intro: 'What the documents’ PDFs and e-mails carry: legal mentions, bank details, message templates.',
    legalForm: 'Legal form (SARL, SAS…)',
    capital: 'Share capital (€)',
    rcsCity: 'RCS city',
    rmNumber: 'RM registration (craftsmen)',
    iban: 'IBAN',
    bic: 'BIC',
    latePenaltyRate: 'Late-payment penalty rate (% a year; empty: 3 × the legal rate)',
    discountTerms: 'Early-payment discount (empty: none)',
    mailSubject: 'E-mail subject ({type}, {numero}, {client}, {montant}, {echeance}, {dossier})',
    mailBody: 'E-mail message',
    save: 'Save',
    saved: 'Settings saved.',
    logo: 'Logo (PNG or JPEG, at most 300 KB)',
    removeLogo: 'Remove the logo',
    logoTooBig: 'The logo is larger than 300 KB.',
    logoType: 'The logo must be a PNG or JPEG image.',
  },
};

type Values = Record<'legalForm' | 'capital' | 'rcsCity' | 'rmNumber' | 'iban' | 'bic' | 'latePenaltyRate' | 'discountTerms' | 'mailSubject' | 'mailBody', string>;
const FIELDS: (keyof Values)[] = ['legalForm', 'capital', 'rcsCity', 'rmNumber', 'iban', 'bic', 'latePenaltyRate', 'discountTerms', 'mailSubject', 'mailBody'];

/** Paramètres / Dossier: the section « Documents et envois » (issue 13). */
export default function DocumentSettingsForm() {
  const i18n = useI18n();
  const w = TEXT[i18n.language];
  const client = useApolloClient();
  const { data, refetch } = useQuery(DocumentSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [values, setValues] = useState<Values | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const s = data?.documentSettings;
  if (!s) return null;
  const current: Values = values ?? {
    legalForm: s.legalForm ?? '',
    capital: s.shareCapitalCents !== null && s.shareCapitalCents !== undefined ? centsToInput(s.shareCapitalCents) : '',
    rcsCity: s.rcsCity ?? '',
    rmNumber: s.rmNumber ?? '',
    iban: s.iban ?? '',
    bic: s.bic ?? '',
    latePenaltyRate: s.latePenaltyRate ?? '',
    discountTerms: s.discountTerms ?? '',
    mailSubject: s.mailSubject ?? '',
    mailBody: s.mailBody ?? '',
  };
  const fail = (error: unknown) => setMessage({ tone: 'warning', text: errorText(i18n, error) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const capital = current.capital.trim() ? parseUserDecimal(current.capital, 2) : null;
    try {
      await client.mutate({
        mutation: UpdateDocumentSettingsMutation,
        variables: {
          input: {
            version: s.version,
            legalForm: current.legalForm || null,
            shareCapitalCents: capital === null ? null : Number(capital),
            rcsCity: current.rcsCity || null,
            rmNumber: current.rmNumber || null,
            iban: current.iban || null,
            bic: current.bic || null,
            latePenaltyRate: current.latePenaltyRate || null,
            discountTerms: current.discountTerms || null,
            mailSubject: current.mailSubject || null,
            mailBody: current.mailBody || null,
            reminderSubjects: s.reminderSubjects,
            reminderBodies: s.reminderBodies,
          },
        },
      });
      setValues(null);
      await refetch();
      setMessage({ tone: 'success', text: w.saved });
    } catch (error) {
      fail(error);
    }
  };

  const setLogo = async (dataUrl: string | null) => {
    setMessage(null);
    try {
      await client.mutate({ mutation: SetDossierLogoMutation, variables: { version: s.version, dataUrl } });
      await refetch();
    } catch (error) {
      fail(error);
    }
  };

  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') return setMessage({ tone: 'warning', text: w.logoType });
    if (file.size > 300 * 1024) return setMessage({ tone: 'warning', text: w.logoTooBig });
    const reader = new FileReader();
    reader.onload = () => void setLogo(String(reader.result));
    reader.readAsDataURL(file);
  };

  return (
    <section className="document-settings" data-testid="document-settings" aria-labelledby="document-settings-title">
      <h2 className="section-title" id="document-settings-title">
        {w.title}
      </h2>
      <p className="muted">{w.intro}</p>
      <div className="logo-field">
        {s.logoDataUrl ? <img src={s.logoDataUrl} alt="Logo" style={{ maxHeight: 60, maxWidth: 160 }} /> : null}
        <label className="field">
          <span>{w.logo}</span>
          <input type="file" accept="image/png,image/jpeg" onChange={(e) => pickLogo(e.target.files?.[0])} data-testid="logo-file" />
        </label>
        {s.logoDataUrl ? (
          <button type="button" className="button button-secondary" onClick={() => void setLogo(null)}>
            {w.removeLogo}
          </button>
        ) : null}
      </div>
      <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={w.title}>
        {FIELDS.map((name) => (
          <label key={name} className={name === 'mailBody' || name === 'mailSubject' ? 'field field-wide' : 'field'}>
            <span>{w[name]}</span>
            {name === 'mailBody' ? (
              <textarea rows={6} value={current[name]} onChange={(e) => setValues({ ...current, [name]: e.target.value })} />
            ) : (
              <input value={current[name]} onChange={(e) => setValues({ ...current, [name]: e.target.value })} data-testid={`doc-setting-${name}`} />
            )}
          </label>
        ))}
        <div className="editor-actions">
          <button type="submit" className="button">
            {w.save}
          </button>
        </div>
      </form>
      {message ? (
        <p className={`notice notice-${message.tone}`} role={message.tone === 'warning' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
