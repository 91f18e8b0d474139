/** French paths for the UI; `/playground` and `/admin` are the names developers and support expect. */
export const paths = {
  home: '/',
  status: '/statut',
  playground: '/playground',
  admin: '/admin',
  settings: '/parametres',
  settingsUsers: '/parametres/utilisateurs',
  settingsSubscription: '/parametres/abonnement',
  settingsDossier: '/parametres/dossier',
} as const;
