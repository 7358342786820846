import type { DocumentStorage } from '../../shared/persisted-document';

/**
 * A learner's document in the browser preview's localStorage, with the same backup and
 * keep-aside behaviour as the desktop app's files: `atlas.progress`, `atlas.progress.bak`,
 * `atlas.progress.corrupt-<time>`.
 */
export class LocalStorageDocument implements DocumentStorage {
  constructor(
    private readonly storage: Storage,
    private readonly key: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  readPrimary(): Promise<string | null> {
    return Promise.resolve(this.storage.getItem(this.key));
  }

  readBackup(): Promise<string | null> {
    return Promise.resolve(this.storage.getItem(`${this.key}.bak`));
  }

  keepAside(): Promise<string> {
    const asideKey = `${this.key}.corrupt-${this.now().toISOString()}`;
    const text = this.storage.getItem(this.key);
    if (text !== null) this.storage.setItem(asideKey, text);
    this.storage.removeItem(this.key);
    return Promise.resolve(`localStorage["${asideKey}"]`);
  }

  write(text: string): Promise<void> {
    const previous = this.storage.getItem(this.key);
    if (previous !== null) this.storage.setItem(`${this.key}.bak`, previous);
    this.storage.setItem(this.key, text);
    return Promise.resolve();
  }
}
