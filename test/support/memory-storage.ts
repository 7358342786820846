import type { DocumentStorage } from '../../src/shared/persisted-document';

/** A DocumentStorage in memory that records what was done to it. */
export class MemoryDocumentStorage implements DocumentStorage {
  aside: string[] = [];
  writes: string[] = [];

  constructor(
    public primary: string | null = null,
    public backup: string | null = null,
  ) {}

  readPrimary(): Promise<string | null> {
    return Promise.resolve(this.primary);
  }
  readBackup(): Promise<string | null> {
    return Promise.resolve(this.backup);
  }
  keepAside(): Promise<string> {
    this.aside.push(this.primary ?? '');
    this.primary = null;
    return Promise.resolve(`aside-${this.aside.length}`);
  }
  write(text: string): Promise<void> {
    if (this.primary !== null) this.backup = this.primary;
    this.primary = text;
    this.writes.push(text);
    return Promise.resolve();
  }
}
