import { describe, expect, it } from 'vitest';
import { BODY_PARTS, bodyPartOf, isPickCorrect, pickAnswerProblem, pickTarget } from '../../../src/shared/quizzes/pick-structure';
import { context } from './quiz-test-support';

const { catalog } = context;

describe('pick-structure answers', () => {
  it('expand a group to its members: clicking any main duct is right, a lobule is not', () => {
    expect(pickTarget('main-ducts', catalog)).toEqual({ map: 'gland', ids: catalog.group('main-ducts') });
    expect(isPickCorrect('main-ducts', 'duct-3', catalog)).toBe(true);
    expect(isPickCorrect('main-ducts', 'lobule-3.1.2.1.1', catalog)).toBe(false);
  });

  it('take a single structure, an alveolus or a part of the close-up as itself', () => {
    expect(isPickCorrect('nipple', 'nipple', catalog)).toBe(true);
    expect(isPickCorrect('nipple', 'areola', catalog)).toBe(false);
    expect(pickTarget('alveolus-3.1.2.1.1.5', catalog)).toEqual({ map: 'gland', ids: ['alveolus-3.1.2.1.1.5'] });
    expect(pickTarget('part:lactocyte', catalog)).toEqual({ map: 'gland', ids: ['part:lactocyte'] });
  });

  it('point at the body map with body:<part>, for every part of the format', () => {
    for (const part of BODY_PARTS) {
      expect(bodyPartOf(`body:${part}`)).toBe(part);
      expect(isPickCorrect(`body:${part}`, `body:${part}`, catalog)).toBe(true);
      expect(pickAnswerProblem(`body:${part}`, catalog)).toBeNull();
    }
    expect(isPickCorrect('body:heart', 'heart', catalog)).toBe(false);
    expect(bodyPartOf('heart')).toBeNull();
  });

  it('explain what is unknown', () => {
    expect(pickTarget('body:brain', catalog)).toBeNull();
    expect(isPickCorrect('duct-30', 'duct-30', catalog)).toBe(false);
    expect(pickAnswerProblem('body:brain', catalog)).toMatch(/^answer: unknown part of the body map "body:brain" \(parts: body:hypothalamus, /);
    expect(pickAnswerProblem('nippel', catalog)).toBe('answer: unknown structure "nippel" (did you mean "nipple"?); or a part of the body map written body:<part>');
  });
});
