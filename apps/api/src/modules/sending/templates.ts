import { DocumentType, typeLabel } from '@comptoir/schema';
import type { DossierSettings } from '../identity/dossier.entity';

/** Placeholders of the e-mail templates (Paramètres / Dossier). */
export interface TemplateValues {
  numero: string;
  type: string;
  client: string;
  montant: string;
  echeance: string;
  reste: string;
  dossier: string;
  retard: string;
}

export const DEFAULT_SUBJECT = '{type} {numero} — {dossier}';
export const DEFAULT_BODY = `Bonjour,

Veuillez trouver ci-joint notre {type} {numero} d’un montant de {montant}.
{echeance_phrase}
Nous restons à votre disposition pour toute question.

Cordialement,
{dossier}`;

export const REMINDER_SUBJECTS = [
  'Rappel : facture {numero} arrivée à échéance',
  'Deuxième relance : facture {numero} impayée',
  'Mise en demeure de payer la facture {numero}',
];

export const REMINDER_BODIES = [
  `Bonjour,

Sauf erreur de notre part, la facture {numero} d’un montant de {montant}, échue le {echeance}, reste impayée ({reste} restant dû, {retard} jour(s) de retard).
Nous vous remercions de bien vouloir procéder à son règlement. La facture est jointe à ce message.

Si votre paiement a été effectué entre-temps, merci de ne pas tenir compte de ce rappel.

Cordialement,
{dossier}`,
  `Bonjour,

Malgré notre précédent rappel, la facture {numero} échue le {echeance} reste impayée : {reste} restent dus ({retard} jours de retard).
Nous vous prions de régler cette somme sous huit jours. Des pénalités de retard et l’indemnité forfaitaire de 40 € pour frais de recouvrement sont exigibles.

Cordialement,
{dossier}`,
  `Madame, Monsieur,

Par la présente, nous vous mettons en demeure de régler sous quinze jours la somme de {reste} restant due sur la facture {numero}, échue le {echeance}.
À défaut, nous engagerons une procédure de recouvrement, les pénalités de retard et l’indemnité forfaitaire de 40 € restant dues.

{dossier}`,
];

export function fill(template: string, v: TemplateValues): string {
  const values: Record<string, string> = {
    ...v,
    echeance_phrase: v.echeance ? `Date d’échéance : ${v.echeance}.\n` : '',
  };
  return template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

export function documentTemplates(settings: DossierSettings): { subject: string; body: string } {
  return { subject: settings.mailSubject?.trim() || DEFAULT_SUBJECT, body: settings.mailBody?.trim() || DEFAULT_BODY };
}

/** Level 1, 2 or 3 (mise en demeure). */
export function reminderTemplates(settings: DossierSettings, level: number): { subject: string; body: string } {
  const i = Math.min(Math.max(level, 1), 3) - 1;
  return { subject: settings.reminderSubjects?.[i]?.trim() || REMINDER_SUBJECTS[i], body: settings.reminderBodies?.[i]?.trim() || REMINDER_BODIES[i] };
}

export function typeWord(type: DocumentType): string {
  return typeLabel(type).toLowerCase();
}
