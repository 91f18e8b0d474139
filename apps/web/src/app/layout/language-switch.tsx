import { Button } from '@mantine/core';
import { LANGUAGES, useI18n } from '../i18n/i18n';

/** FR / EN toggle buttons; `tone="light"` on a white background (the phone drawer), else on the navy header. */
export function LanguageSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <Button.Group aria-label={t('language.label')}>
      {LANGUAGES.map((option) => {
        const pressed = option === language;
        return (
          <Button
            key={option}
            size="compact-xs"
            lang={option}
            aria-pressed={pressed}
            title={t(`language.${option}`)}
            variant={pressed ? (tone === 'dark' ? 'white' : 'filled') : tone === 'dark' ? 'filled' : 'default'}
            color={tone === 'dark' && !pressed ? 'comptoir.8' : undefined}
            onClick={() => setLanguage(option)}
          >
            {option.toUpperCase()}
          </Button>
        );
      })}
    </Button.Group>
  );
}
