import type { ZodError } from 'zod';

/** One readable line per problem: `lessons.intro.completed: expected boolean, received string`. */
export function describeZodError(error: ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(document)';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length - lines.length;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}
