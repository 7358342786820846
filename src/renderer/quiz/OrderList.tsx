import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderQuestion } from '../../shared/quizzes/quiz-schema';
import { moveItem } from './quiz-session';

/**
 * The items of an `order` question as a list the learner rearranges with "Move up" and "Move down"
 * on each item: plain buttons, so Tab, Enter and Space are all it takes. Focus follows the item
 * moved, and `onMoved` says where it went, for the live region.
 */
export function OrderList({
  question,
  order,
  locked,
  labelledBy,
  onChange,
  onMoved,
}: {
  question: OrderQuestion;
  order: readonly string[];
  /** After checking: the list is shown as answered, without its buttons. */
  locked: boolean;
  labelledBy: string;
  onChange(order: string[]): void;
  onMoved(message: string): void;
}) {
  const { t } = useTranslation();
  const instructionsId = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const textOf = (id: string) => question.items.find((item) => item.id === id)?.text ?? id;

  const move = (index: number, delta: -1 | 1) => {
    const id = order[index];
    if (id === undefined) return;
    const next = moveItem(order, index, delta);
    const position = next.indexOf(id);
    onChange(next);
    onMoved(t('quiz.order.moved', { item: textOf(id), position: position + 1, count: next.length }));
    // Keep focus on the item just moved; at either end its other button is the one still enabled.
    const atEnd = delta === -1 ? position === 0 : position === next.length - 1;
    const direction = atEnd ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    requestAnimationFrame(() => buttons.current.get(`${id}:${direction}`)?.focus());
  };

  return (
    <>
      {!locked && (
        <p id={instructionsId} className="self-check__hint">
          {t('quiz.order.instructions')}
        </p>
      )}
      <ol className="self-check__order" aria-labelledby={labelledBy} aria-describedby={locked ? undefined : instructionsId}>
        {order.map((id, index) => (
          <li key={id} className="self-check__order-item">
            <span className="self-check__order-text">{textOf(id)}</span>
            {!locked && (
              <span className="self-check__order-buttons">
                <button
                  type="button"
                  className="button button--small"
                  ref={(element) => {
                    buttons.current.set(`${id}:up`, element);
                  }}
                  disabled={index === 0}
                  aria-label={t('quiz.order.moveUpLabel', { item: textOf(id) })}
                  onClick={() => move(index, -1)}
                >
                  {t('quiz.order.moveUp')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  ref={(element) => {
                    buttons.current.set(`${id}:down`, element);
                  }}
                  disabled={index === order.length - 1}
                  aria-label={t('quiz.order.moveDownLabel', { item: textOf(id) })}
                  onClick={() => move(index, 1)}
                >
                  {t('quiz.order.moveDown')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
