import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

const GROUPS = [
  { group: 'everywhere', keys: ['tab', 'shiftTab', 'activate', 'help', 'escape'] },
  { group: 'scene', keys: ['arrows', 'zoom', 'home', 'levelUp'] },
  { group: 'lesson', keys: ['lessonPlay', 'lessonSteps'] },
  { group: 'presenter', keys: ['presentNext', 'presentPrevious', 'lessonPlay', 'presentBlack', 'presentFull', 'presentView', 'presentLeave'] },
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('shortcuts.title')} closeLabel={t('shortcuts.close')} onClose={onClose}>
      {GROUPS.map(({ group, keys }) => (
        <section key={group} className="shortcuts">
          <h3>{t(`shortcuts.groups.${group}`)}</h3>
          <dl>
            {keys.map((key) => (
              <div key={key} className="shortcuts__row">
                <dt>
                  <kbd>{t(`shortcuts.keyNames.${key}`)}</kbd>
                </dt>
                <dd>{t(`shortcuts.keys.${key}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
