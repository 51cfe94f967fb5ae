// The welcome page opened once, on install: what quiet mode does, that a verdict needs a few
// posts, the sensitivity levels, that nothing leaves the machine, and the shortcut. A pure view;
// main.tsx passes the shortcut the browser reports.
import { Fragment } from 'preact';
import { SENSITIVITY_OPTIONS } from '../ui/fields';
import { t } from '../ui/i18n';
import { Keys } from '../ui/keys';

export function WelcomeView({ shortcut, optionsUrl }: { shortcut: string; optionsUrl?: string }) {
  const keys = shortcut.split('+').filter(Boolean);
  return (
    <main class="welcome">
      <header class="page-header">
        <img src="icons/icon-48.png" alt="" width={48} height={48} />
        <h1>{t('welcome_title')}</h1>
        <p class="lede">{t('welcome_lede')}</p>
      </header>

      <section class="section" aria-labelledby="welcome-quiet">
        <h2 id="welcome-quiet">{t('welcome_quiet_heading')}</h2>
        <p>{t('welcome_quiet')}</p>
        <p>{t('welcome_quiet_undo')}</p>
      </section>

      <section class="section" aria-labelledby="welcome-posts">
        <h2 id="welcome-posts">{t('welcome_posts_heading')}</h2>
        <p>{t('welcome_posts')}</p>
        <p>{t('welcome_mixed')}</p>
      </section>

      <section class="section" aria-labelledby="welcome-sensitivity">
        <h2 id="welcome-sensitivity">{t('welcome_sensitivity_heading')}</h2>
        <dl class="levels">
          {SENSITIVITY_OPTIONS.map((o) => (
            <Fragment key={o.value}>
              <dt>{t(o.label)}</dt>
              <dd>{t(o.hint)}</dd>
            </Fragment>
          ))}
        </dl>
        <p class="hint">{t('welcome_sensitivity_default')}</p>
      </section>

      <section class="section" aria-labelledby="welcome-private">
        <h2 id="welcome-private">{t('welcome_private_heading')}</h2>
        <p>{t('welcome_private')}</p>
      </section>

      <section class="section" aria-labelledby="welcome-shortcut">
        <h2 id="welcome-shortcut">{t('welcome_shortcut_heading')}</h2>
        {keys.length ? (
          <p>
            {t('welcome_shortcut')} <Keys keys={keys} />
          </p>
        ) : (
          <p>{t('welcome_shortcut_none')}</p>
        )}
        <p>{t('welcome_popup')}</p>
      </section>

      <p class="welcome-actions">
        <a class="button button-primary" href="https://x.com/home">
          {t('welcome_open_x')}
        </a>
        {optionsUrl ? (
          <a class="button" href={optionsUrl}>
            {t('popup_open_options')}
          </a>
        ) : null}
      </p>
    </main>
  );
}
